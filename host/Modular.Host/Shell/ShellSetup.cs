using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.RateLimiting;
using Modular.Host.Localization;
using Modular.Host.Plugins;
using Modular.Plugins;
using Modular.Sdk;
using Modular.Host.Shell.Accounts;
using Modular.Host.Shell.Modules;
using Modular.Host.Shell.Navigation;
using Modular.Host.Shell.Dashboard;
using Modular.Host.Shell.Forms;

namespace Modular.Host.Shell;

public static class ShellSetup
{
    /// <summary>The portal around the modules: navigation, dashboard and to-dos, shared records, module settings, accounts and memberships.</summary>
    public static IServiceCollection AddShell(this IServiceCollection services)
    {
        services.AddScoped<NavigationService>();
        services.AddScoped<DashboardService>();
        services.AddScoped<TodoService>();
        services.AddScoped<ContributionCache>();
        services.AddScoped<ISharedRecords, SharedRecordService>();
        services.AddScoped<ModuleSettingsService>();
        services.AddScoped<IModuleSettings>(sp => sp.GetRequiredService<ModuleSettingsService>());
        services.AddScoped<AgencySwitcher>();
        services.AddScoped<ModuleSwitchboard>();
        services.AddScoped<MembershipService>();
        services.AddScoped<AccountNotices>();
        services.AddScoped<AdministratorService>();
        return services;
    }

    /// <summary>Razor Pages of the host and the plugins: module routes, admin folders, sign-in limits, input checks and messages.</summary>
    public static IServiceCollection AddPortalPages(this IServiceCollection services, PluginCatalog catalog)
    {
        var conventions = new ModulePageConventions(catalog);
        services.AddRazorPages(o =>
            {
                o.Conventions.Add((IPageRouteModelConvention)conventions);
                o.Conventions.Add((IPageApplicationModelConvention)conventions);
                // [RequirePermission] on page models and handlers answers 404, like the module gate.
                o.Conventions.Add(new Modular.Host.Security.PagePermissionConvention());
                o.Conventions.AuthorizeFolder("/Platform", Policies.PlatformAdmin);
                o.Conventions.AuthorizeFolder("/Agency", Policies.AgencyAdmin);
                o.Conventions.AuthorizeFolder("/Security", Policies.SecurityAdmin);
                o.Conventions.AuthorizeFolder("/Audit", Policies.AuditAdmin);
                o.Conventions.AuthorizeFolder("/Oversight", Policies.OversightCommittee);
                // Sign-in and the pages that ask for the password again share the per-address limit on posts.
                foreach (var page in new[] { "/Account/Login", "/Account/LoginWith2fa", "/Account/ChangePassword", "/Account/Manage" })
                    o.Conventions.AddPageApplicationModelConvention(page, m => m.EndpointMetadata.Add(new EnableRateLimitingAttribute(RateLimits.SignIn)));
            })
            .AddMvcOptions(o =>
            {
                ValidationMessages.Localize(o.ModelBindingMessageProvider);
                // Bad dates, years and checkbox values are refused where they are bound, for host and plugins alike.
                o.ModelBinderProviders.Insert(0, new SaneInputBinderProvider(o.ModelBinderProviders));
                o.ModelMetadataDetailsProviders.Add(new DefaultValidationMessages());
                // Required fields say so with [Required] and a Chinese message; no implicit English one.
                o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            })
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(HostText)));
        // The layout shows the errors that no field of the page showed.
        services.AddSingleton<Microsoft.AspNetCore.Mvc.ViewFeatures.IHtmlGenerator, ShownErrorsHtmlGenerator>();
        services.AddSingleton<Microsoft.AspNetCore.Mvc.Razor.ITagHelperFactory, CachedTagHelperFactory>();
        return services;
    }
}
