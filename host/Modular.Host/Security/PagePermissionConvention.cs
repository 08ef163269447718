using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Modular.Sdk;

namespace Modular.Host.Security;

/// <summary>
/// Puts the SDK's <see cref="RequirePermissionPageFilter"/> on every page, the modules' area pages included
/// (<c>Conventions.ConfigureFilter</c> reaches only pages outside areas).
/// </summary>
public sealed class PagePermissionConvention : IPageApplicationModelConvention
{
    private static readonly RequirePermissionPageFilter Filter = new();

    public void Apply(PageApplicationModel model) => model.Filters.Add(Filter);
}
