using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Modular.Host.Data;
using Modular.Host.Plugins;
using Modular.Host.Tenancy;
using Modular.Sdk;

namespace Modular.Host.Security;

public static class SecuritySetup
{
    /// <summary>Accounts and sign-in (Identity), the session cookie, who may open what, and the limits on guessing.</summary>
    public static SecurityOptions AddPortalSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var security = builder.Configuration.GetSection("Security").Get<SecurityOptions>() ?? new SecurityOptions();
        services.AddSingleton(new SecurityBaselineWarnings(security.ApplyBaseline()));
        services.AddSingleton(security);
        services.AddScoped<IPermissionChecker, PermissionChecker>();
        services.AddScoped<PortalSignOut>();
        services.AddScoped<PasswordReconfirmation>();
        // Secure-only cookies wherever HTTPS is required (production); plain HTTP only in development and tests.
        var cookieSecurity = builder.Configuration.GetValue("Oidc:RequireHttps", true) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.AddPortalIdentity(security);
        services.AddSessionCookie(security, cookieSecurity);
        services.AddPortalAuthorization();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "modular.af";
            o.Cookie.SecurePolicy = cookieSecurity;
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o => o.Cookie.SecurePolicy = cookieSecurity);
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, o => o.Cookie.SecurePolicy = cookieSecurity);
        // Behind central IT's reverse proxy: the client's address and scheme come from the trusted proxies only.
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            foreach (var proxy in builder.Configuration.GetSection("Network:KnownProxies").Get<string[]>() ?? [])
                if (System.Net.IPAddress.TryParse(proxy, out var ip)) o.KnownProxies.Add(ip);
        });
        services.AddPortalRateLimits(security);
        return security;
    }

    private static void AddPortalIdentity(this IServiceCollection services, SecurityOptions security)
    {
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
    }

    private static void AddSessionCookie(this IServiceCollection services, SecurityOptions security, CookieSecurePolicy cookieSecurity)
    {
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
            o.Cookie.SecurePolicy = cookieSecurity;
            // Identity's check resolves the whole account-manager graph on every request just to compare a
            // timestamp; look at the timestamp first and only then build the graph.
            var sessionCheck = TimeSpan.FromSeconds(security.SessionCheckSeconds);
            o.Events.OnValidatePrincipal = ctx =>
                ctx.Properties.IssuedUtc is { } issued && Now(ctx.HttpContext) - issued <= sessionCheck
                    ? Task.CompletedTask
                    : SecurityStampValidator.ValidatePrincipalAsync(ctx);
            // A new sign-in (password typed) is stamped; refreshing the session keeps the stamp it had.
            o.Events.OnSigningIn = ctx =>
            {
                ctx.Properties.Items.TryAdd(PortalClaims.SignedInItem, Now(ctx.HttpContext).UtcTicks.ToString(CultureInfo.InvariantCulture));
                return Task.CompletedTask;
            };
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
        });
    }

    /// <summary>The host's clock, which the cookie handler stamps the ticket with (IssuedUtc, ExpiresUtc).</summary>
    private static DateTimeOffset Now(HttpContext http) => http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();

    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (Api.ApiPaths.IsApi(ctx.Request.Path))
        {
            ctx.Response.StatusCode = status;
            // A 401 names how to authenticate (RFC 9110); a bearer token that was sent was not accepted (RFC 6750).
            if (status == StatusCodes.Status401Unauthorized)
                ctx.Response.Headers.WWWAuthenticate = ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? "Bearer error=\"invalid_token\"" : "Bearer";
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    private static void AddPortalAuthorization(this IServiceCollection services)
    {
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
            o.AddPolicy(Policies.OversightCommittee, p => p.RequireRole(Roles.OversightCommittee));
        });
    }

    private static void AddPortalRateLimits(this IServiceCollection services, SecurityOptions security)
    {
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
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                http.Request.Path.StartsWithSegments("/connect") && http.Request.Method == HttpMethods.Post
                    ? PerMinute("connect:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"), security.TokenPermitsPerMinute)
                    : RateLimitPartition.GetNoLimiter("other"));
            o.AddPolicy(RateLimits.SignIn, http => http.Request.Method != HttpMethods.Post
                ? RateLimitPartition.GetNoLimiter("read")
                : PerMinute(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", security.SignInPermitsPerMinute));
        });
    }

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
