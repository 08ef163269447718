using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;

namespace Modular.Sdk;

/// <summary>
/// Declares the permission a page needs: on a page model class for every handler, on a handler method
/// (<c>OnPostDeleteAsync</c>) for that handler as well. Without it the page answers 404, as the module gate does, so a
/// page that is not yours looks like one that does not exist. Several attributes all apply. The host checks them
/// with <see cref="RequirePermissionPageFilter"/> on every page, before the handler runs.
/// </summary>
/// <param name="permission">The permission name, for example <c>dues.manage</c>.</param>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class RequirePermissionAttribute(string permission) : Attribute
{
    /// <summary>The permission that must be granted in the current agency.</summary>
    public string Permission { get; } = permission;
}

/// <summary>
/// Answers 404 when the page model or the selected handler carries a <see cref="RequirePermissionAttribute"/> whose
/// permission the user does not hold in the current agency. The host adds it to every page; a vendor does not.
/// </summary>
public sealed class RequirePermissionPageFilter : IAsyncPageFilter, IOrderedFilter
{
    /// <summary>Early: before the page's own filters and handler.</summary>
    public int Order => -1000;

    /// <inheritdoc />
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var required = Required(context.HandlerInstance.GetType()).Concat(context.HandlerMethod is { } h ? Required(h.MethodInfo) : []);
        if (required.Any())
        {
            var permissions = context.HttpContext.RequestServices.GetRequiredService<IPermissionChecker>();
            if (required.Any(r => !permissions.IsGranted(r.Permission))) { context.Result = new NotFoundResult(); return; }
        }
        await next();
    }

    // Read once per page model and handler (this runs on every page request); weakly keyed, so an upgraded plugin's
    // old types can still be unloaded.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<System.Reflection.MemberInfo, RequirePermissionAttribute[]> Declared = new();

    private static RequirePermissionAttribute[] Required(System.Reflection.MemberInfo member) =>
        Declared.GetValue(member, m => m.GetCustomAttributes(typeof(RequirePermissionAttribute), true).Cast<RequirePermissionAttribute>().ToArray());
}

/// <summary>Declares the permission a module's API endpoint or group needs.</summary>
public static class RequirePermissionEndpointExtensions
{
    /// <summary>
    /// The endpoint (or every endpoint of the group) answers 404 unless the caller holds <paramref name="permission"/>
    /// in the current agency, as the module gate does: <c>api.MapGet("/items", …).RequirePermission("dues.view")</c>.
    /// </summary>
    /// <typeparam name="TBuilder">A route handler or route group builder.</typeparam>
    /// <param name="builder">The endpoint or group.</param>
    /// <param name="permission">The permission name.</param>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string permission) where TBuilder : IEndpointConventionBuilder
    {
        // Also as metadata: the host reads it for applications (which reach only endpoints that name a permission) and
        // for the OpenAPI document.
        builder.WithMetadata(new RequirePermissionAttribute(permission));
        builder.AddEndpointFilter(async (context, next) =>
            context.HttpContext.RequestServices.GetRequiredService<IPermissionChecker>().IsGranted(permission)
                ? await next(context)
                : Results.NotFound());
        return builder;
    }
}
