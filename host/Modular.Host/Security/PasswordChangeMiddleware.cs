using Modular.Host.Tenancy;

namespace Modular.Host.Security;

/// <summary>An account whose password is initial or expired can do nothing but change it (or sign out).</summary>
public sealed class PasswordChangeMiddleware(RequestDelegate next)
{
    private static readonly string[] Allowed = ["/Account/ChangePassword", "/Account/Logout", "/culture", "/ping", "/Error"];

    public Task InvokeAsync(HttpContext context)
    {
        if (context.User.HasClaim(c => c.Type == PortalClaims.MustChangePassword)
            && !Allowed.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            if (Api.ApiPaths.IsApi(context.Request.Path))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            }
            var back = context.Request.Path + context.Request.QueryString;
            context.Response.Redirect("/Account/ChangePassword?returnUrl=" + Uri.EscapeDataString(back));
            return Task.CompletedTask;
        }
        return next(context);
    }
}
