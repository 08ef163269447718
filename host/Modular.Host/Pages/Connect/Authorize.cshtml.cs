using System.Collections.Immutable;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Modular.Host.Auditing;
using Modular.Host.Data;
using Modular.Host.Localization;
using Modular.Host.Oidc;
using Modular.Host.Tenancy;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Modular.Host.Pages.Connect;

/// <summary>
/// The authorization endpoint: uses the portal's own session (single sign-on), checks that the client
/// serves the user's current agency, asks for consent when the client is not first-party, and issues a code.
/// Open without a session: it answers <c>prompt=none</c> itself (login_required to the client) and sends others to sign in.
/// </summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class AuthorizeModel(
    IOpenIddictApplicationManager apps,
    IOpenIddictAuthorizationManager authorizations,
    UserManager<PortalUser> users,
    OidcPrincipals principals,
    AuditLog audit,
    IText text,
    IDataProtectionProvider protection,
    TimeProvider clock) : PageModel
{
    private const string Scheme = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;
    /// <summary>The request parameter that carries, protected, when a <c>prompt=login</c> request sent the user to sign in.</summary>
    private const string LoginTicket = "login_ticket";

    public string ApplicationName { get; private set; } = "";
    public IReadOnlyList<string> ScopeDescriptions { get; private set; } = [];
    public IReadOnlyList<KeyValuePair<string, string>> RequestParameters { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => HandleAsync(decision: null, ct);

    public Task<IActionResult> OnPostAsync(string? decision, CancellationToken ct) => HandleAsync(decision ?? "deny", ct);

    private IActionResult Refuse(string error, string description) =>
        Forbid(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }), Scheme);

    private async Task<IActionResult> HandleAsync(string? decision, CancellationToken ct)
    {
        var request = HttpContext.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");

        // Single sign-on: the portal's own session. Without one (or when asked to), sign in first and come back.
        var session = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!session.Succeeded)
        {
            if (request.HasPromptValue(PromptValues.None)) return Refuse(Errors.LoginRequired, "The user is not signed in.");
            return SignInFirst(withTicket: request.HasPromptValue(PromptValues.Login));
        }
        // prompt=login: the password must have been typed after this request first came, whatever session there is.
        if (request.HasPromptValue(PromptValues.Login) && !SignedInSince(session.Properties, (string?)request[LoginTicket]))
            return SignInFirst(withTicket: true);

        var user = await users.GetUserAsync(session.Principal!);
        if (user is null) return Challenge(IdentityConstants.ApplicationScheme);
        var application = await apps.FindByClientIdAsync(request.ClientId!, ct) ?? throw new InvalidOperationException("Unknown client.");
        ApplicationName = await apps.GetLocalizedDisplayNameAsync(application, ct) ?? request.ClientId!;
        var clientId = await apps.GetIdAsync(application, ct);

        // The client must serve the agency the user is working in now.
        var agencyId = CurrentAgency.ReadId(session.Principal);
        var allowed = await ClientAccess.AgenciesAsync(apps, application, ct);
        if (!ClientAccess.Allows(allowed, agencyId))
        {
            await audit.WriteAsync("oidc.authorize", "Client:" + request.ClientId, "agency not served", false, ct);
            return Refuse(Errors.AccessDenied, "This application is not open to the user's current agency.");
        }
        var agency = agencyId is { } a ? await principals.FindAgencyAsync(user.Id, a, ct) : null;
        if (allowed.Count > 0 && agency is null)
            return Refuse(Errors.AccessDenied, "The user no longer belongs to an agency this application serves.");

        var scopes = request.GetScopes();
        var existing = await authorizations.FindAsync(user.Id, clientId!, Statuses.Valid, AuthorizationTypes.Permanent, scopes, ct).ToListAsync(ct);
        var consentType = await apps.GetConsentTypeAsync(application, ct);
        var needsConsent = consentType == ConsentTypes.Explicit && existing.Count == 0;

        if (decision == "deny")
        {
            await audit.WriteAsync("oidc.consent", "Client:" + request.ClientId, "denied", false, ct);
            return Refuse(Errors.AccessDenied, "The user denied access.");
        }
        if (needsConsent && decision != "accept")
        {
            if (request.HasPromptValue(PromptValues.None)) return Refuse(Errors.ConsentRequired, "Consent is required.");
            ScopeDescriptions = scopes.Select(s => OidcScopes.All.FirstOrDefault(x => x.Scope == s).Description is { } d ? text[d] : s).ToList();
            RequestParameters = RequestValues().ToList();
            return Page();
        }

        var principal = await principals.ForUserAsync(user, agency, scopes);
        var authorization = existing.LastOrDefault()
            ?? await authorizations.CreateAsync(principal, user.Id, clientId!, AuthorizationTypes.Permanent, principal.GetScopes(), ct);
        principal.SetAuthorizationId(await authorizations.GetIdAsync(authorization, ct));
        await audit.WriteAsync("oidc.authorize", "Client:" + request.ClientId, needsConsent ? "consented" : null, true, ct);
        return SignIn(principal, Scheme);
    }

    /// <summary>
    /// To the sign-in page, and back to this request afterwards. For prompt=login the way back carries a protected
    /// note of the time (good for 10 minutes); only a sign-in after it lets the request through, so coming back by
    /// the address alone, with the old session, asks again.
    /// </summary>
    private IActionResult SignInFirst(bool withTicket)
    {
        var values = RequestValues().Where(p => p.Key != LoginTicket).Select(p => KeyValuePair.Create(p.Key, (string?)p.Value)).ToList();
        if (withTicket)
            values.Add(KeyValuePair.Create(LoginTicket, (string?)TicketProtector().Protect(clock.GetUtcNow().UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromMinutes(10))));
        var returnUrl = Request.PathBase + Request.Path + QueryString.Create(values);
        return Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, IdentityConstants.ApplicationScheme);
    }

    private bool SignedInSince(AuthenticationProperties? session, string? ticket)
    {
        if (string.IsNullOrEmpty(ticket) || session is null || !session.Items.TryGetValue(PortalClaims.SignedInItem, out var signedIn)
            || !long.TryParse(signedIn, out var signedInTicks)) return false;
        try
        {
            return long.TryParse(TicketProtector().Unprotect(ticket, out _), out var askedTicks) && signedInTicks >= askedTicks;
        }
        catch (System.Security.Cryptography.CryptographicException) { return false; } // forged, altered or expired
    }

    // The note holds the host's clock, compared with the sign-in stamp (same clock); its 10 minutes are counted by
    // data protection on its own clock, so the note's own time does not matter to them.
    private ITimeLimitedDataProtector TicketProtector() =>
        protection.CreateProtector("Modular.Oidc.PromptLogin").ToTimeLimitedDataProtector();

    /// <summary>The authorization request's parameters, from the query (GET) or the consent form (POST).</summary>
    private IEnumerable<KeyValuePair<string, string>> RequestValues() =>
        Request.HasFormContentType
            ? Request.Form.Where(f => f.Key is not ("decision" or "__RequestVerificationToken")).Select(f => KeyValuePair.Create(f.Key, f.Value.ToString()))
            : Request.Query.Select(q => KeyValuePair.Create(q.Key, q.Value.ToString()));
}
