using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.WebEncoders;
using Modular.Sdk;

namespace Modular.Host.Localization;

public static class LocalizationSetup
{
    /// <summary>Texts from the JSON resources (host and modules), zh-CN by default, English on request (cookie).</summary>
    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        var localizerFactory = new JsonStringLocalizerFactory();
        services.AddSingleton(localizerFactory);
        services.AddSingleton<IStringLocalizerFactory>(localizerFactory);
        // One per type: it only holds the factory's localizer, which reads the culture at each call.
        services.AddSingleton(typeof(IStringLocalizer<>), typeof(StringLocalizer<>));
        services.AddSingleton<IText, HostText>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = HostSetup.Cultures;
            o.SupportedUICultures = HostSetup.Cultures;
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        // Pages carry readable Chinese instead of &#x...; entities.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return services;
    }

    /// <summary>Sets the culture cookie and goes back to the page (a local path only).</summary>
    public static void MapCultureSwitch(this IEndpointRouteBuilder app) =>
        app.MapGet("/culture/{name}", (string name, string? returnUrl, HttpContext http) =>
        {
            var culture = HostSetup.Cultures.FirstOrDefault(c => c.Name == name) ?? HostSetup.Cultures[0];
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                // A lifetime, not a date: the browser counts it on its own clock.
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            return Results.LocalRedirect(HostSetup.IsLocalPath(returnUrl) ? returnUrl! : "/");
        }).AllowAnonymous();
}
