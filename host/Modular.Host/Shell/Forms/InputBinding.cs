using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;
using Modular.Host.Localization;
using Modular.Sdk;

namespace Modular.Host.Shell.Forms;

/// <summary>
/// Checks, once for the host and every plugin, the values the pages must never be handed: a date or a <see cref="YearAttribute"/>
/// year outside <see cref="SaneDates"/> is refused with a message (so no page's date arithmetic overflows), and a checkbox sent
/// anything but true/false is refused and shown again unticked (the checkbox tag helper throws on the value as sent).
/// </summary>
public sealed class SaneInputBinderProvider(IList<IModelBinderProvider> providers) : IModelBinderProvider
{
    private static readonly JsonStringLocalizer L = new(typeof(SaneInputBinderProvider).Assembly);

    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        var year = type == typeof(int) && context.Metadata is DefaultModelMetadata m && m.Attributes.Attributes.OfType<YearAttribute>().Any();
        if (!year && type != typeof(bool) && type != typeof(DateOnly) && type != typeof(DateTime) && type != typeof(DateTimeOffset)) return null;
        // A binder given by the attribute ([ModelBinder]) is left alone; otherwise wrap what the next provider would give.
        if (context.BindingInfo.BinderType is not null) return null;
        foreach (var provider in providers)
        {
            if (provider == this) continue;
            if (provider.GetBinder(context) is { } inner) return new Binder(inner, type == typeof(bool), year);
        }
        return null;
    }

    private sealed class Binder(IModelBinder inner, bool checkbox, bool year) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext context)
        {
            await inner.BindModelAsync(context);
            if (checkbox)
            {
                // Refused by the inner binder already; what is shown again must be a value a checkbox can render.
                if (context.ModelState.TryGetValue(context.ModelName, out var entry) && entry.Errors.Count > 0)
                {
                    entry.RawValue = false;
                    entry.AttemptedValue = "false";
                }
                return;
            }
            if (!context.Result.IsModelSet || context.Result.Model is null) return;
            var sane = context.Result.Model switch
            {
                DateOnly d => SaneDates.IsSane(d),
                DateTime t => SaneDates.IsSane(t),
                DateTimeOffset o => SaneDates.IsSane(o),
                int y when year => SaneDates.IsSaneYear(y),
                _ => true,
            };
            if (sane) return;
            context.ModelState.TryAddModelError(context.ModelName, year
                ? L["The year must be between {0} and {1}.", SaneDates.MinYear, SaneDates.MaxYear]
                : L["The date must lie between the years {0} and {1}.", SaneDates.MinYear, SaneDates.MaxYear]);
            context.Result = ModelBindingResult.Failed();
        }
    }
}

/// <summary>
/// Notes which fields a page showed validation messages for, so that the layout can show the errors no field showed (a
/// checkbox or hidden field without a message of its own, a bad query value): every refused input is said, in Chinese.
/// </summary>
public sealed class ShownErrorsHtmlGenerator(IAntiforgery antiforgery, IOptions<MvcViewOptions> options, IModelMetadataProvider metadata,
    IUrlHelperFactory urls, HtmlEncoder encoder, ValidationHtmlAttributeProvider validation)
    : DefaultHtmlGenerator(antiforgery, options, metadata, urls, encoder, validation)
{
    private const string Key = "Modular.ShownErrors";
    private const string All = "*";

    public override TagBuilder GenerateValidationMessage(ViewContext viewContext, ModelExplorer? modelExplorer, string? expression, string? message, string? tag, object? htmlAttributes)
    {
        Shown(viewContext).Add(viewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(expression ?? ""));
        return base.GenerateValidationMessage(viewContext, modelExplorer, expression, message, tag, htmlAttributes);
    }

    public override TagBuilder? GenerateValidationSummary(ViewContext viewContext, bool excludePropertyErrors, string? message, string? headerTag, object? htmlAttributes)
    {
        Shown(viewContext).Add(excludePropertyErrors ? viewContext.ViewData.TemplateInfo.HtmlFieldPrefix : All);
        return base.GenerateValidationSummary(viewContext, excludePropertyErrors, message, headerTag, htmlAttributes);
    }

    private static HashSet<string> Shown(ViewContext viewContext)
    {
        var items = viewContext.HttpContext.Items;
        if (items[Key] is not HashSet<string> shown) items[Key] = shown = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        return shown;
    }

    /// <summary>The messages of the errors that no validation message or summary on the page showed.</summary>
    public static IReadOnlyList<string> Unshown(ViewContext viewContext)
    {
        if (viewContext.ModelState.IsValid) return [];
        var shown = viewContext.HttpContext.Items[Key] as HashSet<string> ?? [];
        if (shown.Contains(All)) return [];
        return viewContext.ModelState
            .Where(e => !shown.Contains(e.Key))
            .SelectMany(e => e.Value?.Errors.Select(x => x.ErrorMessage) ?? [])
            .Where(x => !string.IsNullOrWhiteSpace(x))
            .Distinct()
            .ToList();
    }
}
