using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Autofac.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.WebEncoders;
using Modular.Host.Auditing;
using Modular.Host.Data;
using Modular.Host.Localization;
using Modular.Host.Oidc;
using Modular.Host.Plugins;
using Modular.Host.Security;
using Modular.Host.Shell;
using Modular.Host.Tenancy;
using Modular.Sdk;

namespace Modular.Host;

public static class HostSetup
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    /// <summary>Registers the host's services and every plugin's (one container for all agencies).</summary>
    public static PluginCatalog AddModularHost(this WebApplicationBuilder builder)
    {
        builder.Host.UseServiceProviderFactory(new AutofacServiceProviderFactory());
        var services = builder.Services;
        var options = builder.Configuration.GetSection("Modular").Get<ModularOptions>() ?? new ModularOptions();
        var contentRoot = builder.Environment.ContentRootPath;
        services.AddSingleton(options);
        var security = builder.Configuration.GetSection("Security").Get<SecurityOptions>() ?? new SecurityOptions();
        services.AddSingleton(new SecurityBaselineWarnings(security.ApplyBaseline()));
        services.AddSingleton(security);

        var database = options.ResolveDatabase(contentRoot);
        services.AddSingleton(database);
        services.AddSingleton<AuditChainKey>();
        services.AddSingleton<AuditWriter>();
        services.AddSingleton<AuditContext>();
        services.AddSingleton<AuditInterceptor>();
        services.AddSingleton<AuditTransactionInterceptor>();
        services.AddScoped<AuditLog>();
        services.AddScoped<AuditVerifier>();
        services.AddSingleton<AuditPruner>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditPruner>());
        services.AddScoped<IAuditLog>(sp => sp.GetRequiredService<AuditLog>());
        services.AddDbContext<HostDbContext>((sp, o) => database.Apply(o)
            .AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<AuditTransactionInterceptor>()));
        services.AddSingleton<IModuleDatabase, ModuleDatabase>();
        // The directory (organisations, members) is the host's, on the same base as a module's data.
        services.AddSingleton(builder.Configuration.GetSection("Directory").Get<PartyDirectory.DirectorySettings>() ?? new PartyDirectory.DirectorySettings());
        services.AddDbContext<PartyDirectory.DirectoryDbContext>((sp, o) =>
            sp.GetRequiredService<IModuleDatabase>().Configure(o, PartyDirectory.DirectoryDbContext.ModuleId, typeof(PartyDirectory.DirectoryDbContext).Assembly));
        services.AddSingleton<PartyDirectory.PersonalDataProtector>();
        services.AddScoped<PartyDirectory.DirectoryService>();
        services.AddScoped<IDirectory>(sp => sp.GetRequiredService<PartyDirectory.DirectoryService>());
        // The SDK's per-request views of the directory, and the one clock (agency time zone over TimeProvider).
        services.AddScoped<ICurrentMember, CurrentMember>();
        services.AddScoped<PeopleLookup>();
        services.AddSingleton<IAgencyClock>(sp => new AgencyClock(sp.GetRequiredService<TimeProvider>(), AgencyClock.FindTimeZone(builder.Configuration["Modular:TimeZone"])));
        services.AddScoped<PartyDirectory.DirectoryWarnings>();
        services.AddScoped<PartyDirectory.DirectoryDemoData>();
        services.AddScoped<PartyDirectory.DirectoryLabels>();
        services.AddScoped<PartyDirectory.MemberImport>();
        services.AddScoped<PartyDirectory.DirectoryStatistics>();
        services.AddTodoProvider<PartyDirectory.DirectoryTodoProvider>();
        services.AddScoped<Notifications.NotificationService>();
        services.AddScoped<INotifications>(sp => sp.GetRequiredService<Notifications.NotificationService>());
        services.AddScoped<IFeedLinks, Feeds.FeedLinkService>();
        var files = builder.Configuration.GetSection("Files").Get<Files.FileStoreOptions>() ?? new Files.FileStoreOptions();
        services.AddSingleton(files);
        // Uploads larger than the file settings allow are refused before they are read (413, explained on the error page).
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = files.MaxRequestBytes);
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = files.MaxRequestBytes);
        services.AddScoped<IFileStore, Files.FileStore>();
        services.AddDashboardWidget<PartyDirectory.DirectoryWidget>();

        services.AddHttpContextAccessor();
        services.AddMemoryCache();
        services.AddScoped<ICurrentAgency, CurrentAgency>();
        services.AddScoped<ICurrentUser, CurrentUser>();
        services.AddSingleton<ModuleGate>();
        services.AddSingleton<ModuleSwitchWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<ModuleSwitchWatcher>());
        services.AddSingleton<Jobs.ScheduledJobRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<Jobs.ScheduledJobRunner>());
        services.AddScoped<IPermissionChecker, PermissionChecker>();
        services.AddScoped<NavigationService>();
        services.AddScoped<DashboardService>();
        services.AddScoped<TodoService>();
        services.AddScoped<ISharedRecords, SharedRecordService>();
        services.AddScoped<ModuleSettingsService>();
        services.AddScoped<IModuleSettings>(sp => sp.GetRequiredService<ModuleSettingsService>());
        services.AddScoped<PluginMigrator>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<AgencySwitcher>();
        services.AddScoped<ModuleSwitchboard>();
        services.AddScoped<MembershipService>();
        services.AddScoped<AccountNotices>();
        services.AddScoped<AdministratorService>();
        services.AddScoped<PortalSignOut>();
        services.AddScoped<PasswordReconfirmation>();

        var localizerFactory = new JsonStringLocalizerFactory();
        services.AddSingleton(localizerFactory);
        services.AddSingleton<IStringLocalizerFactory>(localizerFactory);
        services.AddTransient(typeof(IStringLocalizer<>), typeof(StringLocalizer<>));
        services.AddSingleton<IText, HostText>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        // Pages carry readable Chinese instead of &#x...; entities.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        services.AddIdentity<PortalUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = Math.Max(8, security.PasswordMinLength);
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = security.MaxFailedSignIns;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(security.LockoutMinutes);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<HostDbContext>()
            .AddUserStore<PortalUserStore>()
            .AddUserManager<PortalUserManager>()
            .AddSignInManager<PortalSignInManager>()
            .AddPasswordValidator<PasswordHistoryValidator>()
            .AddClaimsPrincipalFactory<PortalClaimsFactory>()
            .AddPasswordValidator<PasswordClassesValidator<PortalUser>>()
            .AddDefaultTokenProviders();
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            // Membership, role and agency changes reach open sessions within a minute.
            o.ValidationInterval = TimeSpan.FromSeconds(security.SessionCheckSeconds);
        });
        services.AddScoped<ISecurityStampValidator, PortalSecurityStampValidator>();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.ExpireTimeSpan = TimeSpan.FromMinutes(security.EffectiveIdleTimeoutMinutes); // idle sign-out
            o.SlidingExpiration = true;
            o.Cookie.Name = "modular.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // Secure-only cookies wherever HTTPS is required (production); plain HTTP only in development and tests.
            o.Cookie.SecurePolicy = builder.Configuration.GetValue("Oidc:RequireHttps", true) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            // Identity's check resolves the whole account-manager graph on every request just to compare a
            // timestamp; look at the timestamp first and only then build the graph.
            var sessionCheck = TimeSpan.FromSeconds(security.SessionCheckSeconds);
            o.Events.OnValidatePrincipal = ctx =>
                ctx.Properties.IssuedUtc is { } issued && DateTimeOffset.UtcNow - issued <= sessionCheck
                    ? Task.CompletedTask
                    : SecurityStampValidator.ValidatePrincipalAsync(ctx);
            // A new sign-in (password typed) is stamped; refreshing the session keeps the stamp it had.
            o.Events.OnSigningIn = ctx =>
            {
                ctx.Properties.Items.TryAdd(PortalClaims.SignedInItem, DateTimeOffset.UtcNow.UtcTicks.ToString(CultureInfo.InvariantCulture));
                return Task.CompletedTask;
            };
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
        });
        // Cookie for people in the browser; a bearer access token (validated by OpenIddict) for API callers.
        services.AddAuthentication(o => o.DefaultAuthenticateScheme = AuthSchemes.CookieOrBearer)
            // Access tokens are accepted on module APIs only; every page needs the portal's own session.
            .AddPolicyScheme(AuthSchemes.CookieOrBearer, "Cookie or bearer token", o => o.ForwardDefaultSelector = http =>
                ModulePaths.IsApi(http.Request.Path) && http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? OpenIddict.Validation.AspNetCore.OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme
                    : IdentityConstants.ApplicationScheme);
        services.AddAuthorization(o =>
        {
            // Signed in by default; pages open to all say [AllowAnonymous].
            o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
            o.AddPolicy(Policies.PlatformAdmin, p => p.RequireRole(Roles.PlatformAdmin));
            o.AddPolicy(Policies.AgencyAdmin, p => p.RequireClaim(PortalClaims.AgencyRole, Roles.AgencyAdmin));
            o.AddPolicy(Policies.SecurityAdmin, p => p.RequireRole(Roles.SecurityAdmin));
            // Module APIs: a signed-in person, or an access token that was granted the modules scope.
            o.AddPolicy(Policies.ModuleApi, p => p.RequireAuthenticatedUser().RequireAssertion(ctx =>
                ctx.User.Identity?.AuthenticationType == IdentityConstants.ApplicationScheme
                // A personal feed link, already limited to its one GET feed by FeedLinkMiddleware.
                || ctx.User.Identity?.AuthenticationType == Feeds.FeedLinkMiddleware.AuthenticationType
                || OpenIddict.Abstractions.OpenIddictExtensions.HasScope(ctx.User, Oidc.OidcScopes.ModulesApi)));
            o.AddPolicy(Policies.AuditAdmin, p => p.RequireRole(Roles.AuditAdmin));
        });
        var requireHttps = builder.Configuration.GetValue("Oidc:RequireHttps", true);
        var cookieSecurity = requireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "modular.af";
            o.Cookie.SecurePolicy = cookieSecurity;
        });
        services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o => o.Cookie.SecurePolicy = cookieSecurity);
        services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, o => o.Cookie.SecurePolicy = cookieSecurity);
        // Behind central IT's reverse proxy: the client's address and scheme come from the trusted proxies only.
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            foreach (var proxy in builder.Configuration.GetSection("Network:KnownProxies").Get<string[]>() ?? [])
                if (System.Net.IPAddress.TryParse(proxy, out var ip)) o.KnownProxies.Add(ip);
        });
        builder.AddModularOidc();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, ct) =>
            {
                ctx.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await ctx.HttpContext.Response.WriteAsync("尝试次数过多，请稍后再试。", ct);
            };
            // Counts posts only, per client address: guessing passwords gets slow, reading the page does not.
            // Token, introspection and revocation requests are answered inside OpenIddict's middleware,
            // before endpoints: limit them by path, per client address.
            o.GlobalLimiter = System.Threading.RateLimiting.PartitionedRateLimiter.Create<HttpContext, string>(http =>
                http.Request.Path.StartsWithSegments("/connect") && http.Request.Method == HttpMethods.Post
                    ? System.Threading.RateLimiting.RateLimitPartition.GetFixedWindowLimiter(
                        "connect:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                        _ => new System.Threading.RateLimiting.FixedWindowRateLimiterOptions
                        {
                            PermitLimit = security.TokenPermitsPerMinute,
                            Window = TimeSpan.FromMinutes(1),
                            QueueLimit = 0,
                        })
                    : System.Threading.RateLimiting.RateLimitPartition.GetNoLimiter("other"));
            o.AddPolicy(RateLimits.SignIn, http => http.Request.Method != HttpMethods.Post
                ? System.Threading.RateLimiting.RateLimitPartition.GetNoLimiter("read")
                : System.Threading.RateLimiting.RateLimitPartition.GetFixedWindowLimiter(
                    http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new System.Threading.RateLimiting.FixedWindowRateLimiterOptions
                    {
                        PermitLimit = security.SignInPermitsPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    }));
        });

        // Plugins register into the same collection: one container for all agencies.
        // Upgrades and uninstalls staged from the Modules page are applied first, before any plugin loads.
        var pluginsPath = options.ResolvePluginsPath(contentRoot);
        var packages = builder.Configuration.GetSection("Plugins").Get<Plugins.Packages.PluginPackageOptions>() ?? new Plugins.Packages.PluginPackageOptions();
        // Installing a plugin is trusting its code: outside Development only allow-listed publishers' signed plugins run,
        // unless the setting turns that off explicitly (warned at every start).
        packages.RequireSignature = bool.TryParse(builder.Configuration["Plugins:RequireSignature"], out var requireSignature)
            ? requireSignature : !builder.Environment.IsDevelopment();
        services.AddSingleton(packages);
        // The allow-list of this start (settings and the security administrator's list), before any plugin code loads.
        var trust = Plugins.Packages.PluginTrust.AtStart(database, packages);
        if (Plugins.Packages.SharedPackages.Enabled(database))
        {
            // Several instances: the database says which packages this instance must have, and what is staged.
            var (outcomes, refused) = Plugins.Packages.SharedPackages.ApplyAtStart(pluginsPath, database, packages, trust);
            services.AddSingleton(new Plugins.Packages.StartOutcomes(outcomes, refused));
        }
        else services.AddSingleton(new Plugins.Packages.StartOutcomes(Plugins.Packages.StagedChanges.ApplyAtStart(pluginsPath, database, trust)));
        var catalog = PluginCatalog.Load(pluginsPath, services, trust);
        services.AddSingleton(catalog);
        services.AddSingleton<PluginActionChanges>();
        services.AddSingleton<Microsoft.AspNetCore.Mvc.Infrastructure.IActionDescriptorChangeProvider>(sp => sp.GetRequiredService<PluginActionChanges>());
        services.AddSingleton<LiveEndpointSource>();
        services.AddSingleton<LivePlugins>();
        services.AddScoped<Plugins.Packages.PluginInstaller>();
        services.AddScoped<Plugins.Packages.PublisherAllowList>();
        services.AddSingleton<Plugins.Packages.PackageWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<Plugins.Packages.PackageWatcher>());
        var conventions = new ModulePageConventions(catalog);

        services.AddRazorPages(o =>
            {
                o.Conventions.Add((Microsoft.AspNetCore.Mvc.ApplicationModels.IPageRouteModelConvention)conventions);
                o.Conventions.Add((Microsoft.AspNetCore.Mvc.ApplicationModels.IPageApplicationModelConvention)conventions);
                // [RequirePermission] on page models and handlers answers 404, like the module gate.
                o.Conventions.Add(new Security.PagePermissionConvention());
                o.Conventions.AuthorizeFolder("/Platform", Policies.PlatformAdmin);
                o.Conventions.AuthorizeFolder("/Agency", Policies.AgencyAdmin);
                o.Conventions.AuthorizeFolder("/Security", Policies.SecurityAdmin);
                o.Conventions.AuthorizeFolder("/Audit", Policies.AuditAdmin);
                // Sign-in and the pages that ask for the password again share the per-address limit on posts.
                foreach (var page in new[] { "/Account/Login", "/Account/LoginWith2fa", "/Account/ChangePassword", "/Account/Manage" })
                    o.Conventions.AddPageApplicationModelConvention(page, m => m.EndpointMetadata.Add(new Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute(RateLimits.SignIn)));
            })
            .AddMvcOptions(o =>
            {
                ValidationMessages.Localize(o.ModelBindingMessageProvider);
                // Bad dates, years and checkbox values are refused where they are bound, for host and plugins alike.
                o.ModelBinderProviders.Insert(0, new Shell.SaneInputBinderProvider(o.ModelBinderProviders));
                o.ModelMetadataDetailsProviders.Add(new DefaultValidationMessages());
                // Required fields say so with [Required] and a Chinese message; no implicit English one.
                o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            })
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(HostText)));
        // The layout shows the errors that no field of the page showed.
        services.AddSingleton<Microsoft.AspNetCore.Mvc.ViewFeatures.IHtmlGenerator, Shell.ShownErrorsHtmlGenerator>();
        return catalog;
    }

    /// <summary>A path on this site ("/x"), never "//host" or "/\\host", which browsers read as another site.</summary>
    public static bool IsLocalPath(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Any(char.IsControl);


    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.Value?.Contains("/api", StringComparison.OrdinalIgnoreCase) == true)
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Creates or migrates the database, migrates each plugin in dependency order, seeds, and gives MVC the running plugins.</summary>
    public static async Task InitializeModularHostAsync(this WebApplication app, PluginCatalog catalog)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Modular.Host");
        foreach (var warning in app.Services.GetRequiredService<SecurityBaselineWarnings>().Warnings)
            logger.LogWarning("{Warning}", warning);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
            await db.Database.MigrateAsync();
            // WAL lets readers go on while one writer writes; the setting stays with the file.
            if (!scope.ServiceProvider.GetRequiredService<DatabaseSettings>().IsPostgreSql)
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            // The audit chain's key and head exist before anything is audited (generated at first start).
            await app.Services.GetRequiredService<AuditWriter>().StartAsync();
            await scope.ServiceProvider.GetRequiredService<PartyDirectory.DirectoryDbContext>().Database.MigrateAsync();
            await scope.ServiceProvider.GetRequiredService<PluginMigrator>().MigrateAsync();
        }
        var options = app.Services.GetRequiredService<ModularOptions>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
            if (options.SeedDemoData) await seeder.SeedAsync();
            else await seeder.EnsureAdministratorsAsync();
            // Memberships of platform administrators made before the rule: not honoured, but an operator should remove them.
            var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
            var stale = await db.AgencyMemberships.CountAsync(m => db.PlatformRoleHolders().Contains(m.UserId));
            if (stale > 0)
                logger.LogWarning("{Count} agency membership(s) of accounts holding a platform administrator role give no rights; remove them on Platform → agencies → accounts (marked 不生效)", stale);
        }
        if (!app.Services.GetRequiredService<Plugins.Packages.PluginPackageOptions>().RequireSignature && !app.Environment.IsDevelopment())
            logger.LogWarning("Plugins:RequireSignature is off outside Development: unsigned plugins and plugins of any publisher are loaded and run with the host's rights.");
        var failures = new List<AuditRecord>();
        foreach (var p in catalog.All)
        {
            if (p.IsRunning) logger.LogInformation("Plugin {Id} {Version} loaded", p.Id, p.Manifest!.Version);
            else
            {
                logger.LogWarning("Plugin in {Folder} not loaded: {Reason}", p.FolderName, p.FailureReason);
                failures.Add(new AuditRecord("plugin.failed", "Plugin:" + p.FolderName, p.FailureReason, false, null, "system", null, null));
            }
        }
        var startOutcomes = app.Services.GetRequiredService<Plugins.Packages.StartOutcomes>();
        failures.AddRange(startOutcomes.ToAudit());
        var database = app.Services.GetRequiredService<DatabaseSettings>();
        if (Plugins.Packages.SharedPackages.Enabled(database))
        {
            await using var scope = app.Services.CreateAsyncScope();
            await Plugins.Packages.SharedPackages.RecordStartAsync(scope.ServiceProvider.GetRequiredService<HostDbContext>(), catalog, options.InstanceName, startOutcomes.Refused);
        }
        await app.Services.GetRequiredService<AuditWriter>().AppendAsync(failures);
        app.Services.GetRequiredService<ApplicationPartManager>().AddPluginApplicationParts(catalog);
    }

    public static void UseModularHost(this WebApplication app, PluginCatalog catalog)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Modular.Host");
        // Once a plugin was installed while running, requests are served from its scope (host, earlier and new plugins).
        var live = app.Services.GetRequiredService<LivePlugins>();
        app.Use(async (http, next) =>
        {
            if (live.Scope is not { } pluginScope)
            {
                await next(http);
                return;
            }
            await using var requestScope = pluginScope.BeginLifetimeScope();
            var previous = http.RequestServices;
            http.RequestServices = new AutofacServiceProvider(requestScope);
            try { await next(http); }
            finally { http.RequestServices = previous; }
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            if (app.Configuration.GetValue("Oidc:RequireHttps", true)) app.UseHsts();
        }
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        // A body announced larger than the file settings allow is refused before anything reads it (the error page explains).
        var maxRequest = app.Services.GetRequiredService<Files.FileStoreOptions>().MaxRequestBytes;
        app.Use((http, next) =>
        {
            if (http.Request.ContentLength > maxRequest && http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
            {
                http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return Task.CompletedTask;
            }
            return next(http);
        });
        app.UseStaticFiles();
        app.UsePluginStaticFiles(catalog);
        app.Use(async (http, next) =>
        {
            if (!await live.TryServeStaticAsync(http)) await next(http);
        });
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseMiddleware<CrossSiteRequestMiddleware>();
        app.UseAuthentication();
        app.UseMiddleware<Feeds.FeedLinkMiddleware>();
        app.UseMiddleware<PasswordChangeMiddleware>();
        app.UseMiddleware<ModuleGateMiddleware>();
        app.UseAuthorization();

        // The cheapest endpoint of the full pipeline: a liveness probe and the benchmarks' ceiling.
        app.MapGet("/ping", () => "pong").AllowAnonymous();
        app.MapGet("/culture/{name}", (string name, string? returnUrl, HttpContext http) =>
        {
            var culture = Cultures.FirstOrDefault(c => c.Name == name) ?? Cultures[0];
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            return Results.LocalRedirect(IsLocalPath(returnUrl) ? returnUrl! : "/");
        }).AllowAnonymous();
        app.MapRazorPages();
        app.MapOidcEndpoints();
        app.MapPluginEndpoints(catalog, logger);
        ((IEndpointRouteBuilder)app).DataSources.Add(app.Services.GetRequiredService<LiveEndpointSource>());

        app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
    }
}

public static class RateLimits
{
    public const string SignIn = "sign-in";
}

public static class Policies
{
    public const string PlatformAdmin = "PlatformAdmin";
    public const string AgencyAdmin = "AgencyAdmin";
    public const string SecurityAdmin = "SecurityAdmin";
    public const string AuditAdmin = "AuditAdmin";
    public const string ModuleApi = "ModuleApi";
}

public static class AuthSchemes
{
    public const string CookieOrBearer = "CookieOrBearer";
}
