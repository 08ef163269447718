using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Modular.Host.Data;
using Modular.Host.Oidc;
using Modular.Host.Security;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Security;

/// <summary>
/// Sign-in tells no one which names exist (same answer, same work), pages that ask for the password again count
/// toward lockout and are rate-limited, module APIs refuse cross-site writes, the security baseline cannot be
/// configured away, and "sign out everywhere" ends other sessions and every client's grants.
/// </summary>
public sealed partial class SignInHardeningTests : IClassFixture<SignInHardeningTests.Portal>
{
    /// <summary>Counts how often a password is checked, to prove unknown names cost the same work as real ones.</summary>
    public sealed class CountingHasher(IOptions<PasswordHasherOptions> options) : IPasswordHasher<PortalUser>
    {
        private readonly PasswordHasher<PortalUser> _inner = new(options);
        private int _verified;
        public int Verified => Volatile.Read(ref _verified);
        public string HashPassword(PortalUser user, string password) => _inner.HashPassword(user, password);
        public PasswordVerificationResult VerifyHashedPassword(PortalUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verified);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    public sealed class Portal() : PortalFactory("notes")
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<CountingHasher>();
                services.AddSingleton<IPasswordHasher<PortalUser>>(sp => sp.GetRequiredService<CountingHasher>());
            });
        }

        public CountingHasher Hasher => Services.GetRequiredService<CountingHasher>();
    }

    private readonly Portal _portal;
    public SignInHardeningTests(Portal portal) => _portal = portal;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"")]
    private static partial Regex Token();

    private Task<HttpResponseMessage> LoginAsync(HttpClient client, string userName, string password) =>
        client.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.UserName"] = userName, ["Input.Password"] = password });

    /// <summary>The page as the person sees it, with the typed name and the per-request token taken out.</summary>
    private static async Task<string> Normalized(HttpResponseMessage response, string userName) =>
        Token().Replace(await response.Content.ReadAsStringAsync(), "token").Replace(userName, "NAME");

    [Fact]
    public async Task A_wrong_password_reads_the_same_for_a_real_and_an_unknown_name_and_costs_a_password_check()
    {
        await _portal.CreateAgencyAsync("ENUM1", "real-one", "member");
        var client = _portal.NewClient();

        var before = _portal.Hasher.Verified;
        var real = await LoginAsync(client, "real-one", "Wrong@2026x");
        Assert.Equal(1, _portal.Hasher.Verified - before);
        before = _portal.Hasher.Verified;
        var unknown = await LoginAsync(client, "nobody-here", "Wrong@2026x");
        // The same work as a real name (a check against a stand-in hash), so the time tells nothing either.
        Assert.Equal(1, _portal.Hasher.Verified - before);

        Assert.Equal(real.StatusCode, unknown.StatusCode);
        Assert.Equal(await Normalized(real, "real-one"), await Normalized(unknown, "nobody-here"));
        Assert.Contains("用户名或密码错误", await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task After_five_failures_a_locked_account_answers_like_an_unknown_name()
    {
        await _portal.CreateAgencyAsync("ENUM2", "locked-real", "member");
        var client = _portal.NewClient();
        for (var i = 0; i < 5; i++)
        {
            await LoginAsync(client, "locked-real", "Wrong@2026x" + i);
            await LoginAsync(client, "locked-ghost", "Wrong@2026x" + i);
        }
        var before = _portal.Hasher.Verified;
        var real = await LoginAsync(client, "locked-real", DemoSeeder.DemoPassword);
        Assert.Equal(1, _portal.Hasher.Verified - before);
        before = _portal.Hasher.Verified;
        var ghost = await LoginAsync(client, "locked-ghost", DemoSeeder.DemoPassword);
        Assert.Equal(1, _portal.Hasher.Verified - before);
        Assert.Equal(await Normalized(real, "locked-real"), await Normalized(ghost, "locked-ghost"));
        // The account is locked all the same: the right password did not open it.
        Assert.Equal(HttpStatusCode.OK, real.StatusCode);
        await using var scope = _portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByNameAsync("locked-real"))!));
    }

    [Fact]
    public async Task The_agency_add_form_answers_the_same_for_a_name_of_another_agency_and_an_unused_name()
    {
        await _portal.CreateAgencyAsync("ENUM3", "elsewhere-user", "member");
        var office = await _portal.SignedInAsync("office");
        Task<HttpResponseMessage> Add(string name, string? displayName = null, string? password = null)
        {
            var fields = new Dictionary<string, string> { ["Input.UserName"] = name };
            if (displayName is not null) fields["Input.DisplayName"] = displayName;
            if (password is not null) fields["Input.Password"] = password;
            return office.PostFormAsync("/Agency/Accounts", fields, "/Agency/Accounts?handler=Add");
        }
        // What the form says next to its fields.
        static async Task<string> Errors(HttpResponseMessage response) => string.Join(" | ",
            Regex.Matches(await response.Content.ReadAsStringAsync(), "<span class=\"[^\"]*field-validation-error[^\"]*\"[^>]*>([^<]*)</span>").Select(m => m.Groups[1].Value).Where(v => v.Length > 0));
        // A name alone does not probe the portal's accounts.
        var taken = await Errors(await Add("elsewhere-user"));
        Assert.NotEmpty(taken);
        Assert.Equal(await Errors(await Add("never-used-name")), taken);
        // A weak password is refused before the name is looked at.
        Assert.Equal(await Errors(await Add("never-used-name", "某人", "weak")), await Errors(await Add("elsewhere-user", "某人", "weak")));
        // A full form: the name of another agency's account and of this agency's account read the same.
        var foreign = await Errors(await Add("elsewhere-user", "某人", "Good@2026x"));
        Assert.Contains("该用户名已被使用", foreign);
        Assert.Equal(foreign, await Errors(await Add("secretary", "某人", "Good@2026x")));
    }

    [Fact]
    public async Task Wrong_passwords_on_the_second_factor_page_lock_the_account_and_end_the_session()
    {
        await _portal.CreateAgencyAsync("REAUTH1", "guess-2fa", "member");
        var client = await _portal.SignedInAsync("guess-2fa");
        HttpResponseMessage last = null!;
        for (var i = 0; i < 5; i++)
            last = await client.PostFormAsync("/Account/Manage", new Dictionary<string, string> { ["password"] = "Wrong@2026x" + i }, "/Account/Manage?handler=Disable");
        Assert.Equal(HttpStatusCode.Redirect, last.StatusCode);
        Assert.StartsWith("/Account/Login", last.Headers.Location!.OriginalString);
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Contains("/Account/Login", home.Headers.Location!.OriginalString);
        await using var scope = _portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByNameAsync("guess-2fa"))!));
    }

    [Fact]
    public async Task Wrong_current_passwords_on_the_change_page_count_toward_lockout()
    {
        await _portal.CreateAgencyAsync("REAUTH2", "guess-change", "member");
        var client = await _portal.SignedInAsync("guess-change");
        // A success in between resets nothing the guesser could use: four failures, then the fifth locks.
        HttpResponseMessage last = null!;
        for (var i = 0; i < 5; i++)
            last = await client.PostFormAsync("/Account/ChangePassword", new Dictionary<string, string>
            {
                ["Input.CurrentPassword"] = "Wrong@2026x" + i, ["Input.NewPassword"] = "Better@2026y", ["Input.ConfirmPassword"] = "Better@2026y",
            });
        Assert.Equal(HttpStatusCode.Redirect, last.StatusCode);
        Assert.StartsWith("/Account/Login", last.Headers.Location!.OriginalString);
        await using var scope = _portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = (await users.FindByNameAsync("guess-change"))!;
        Assert.True(await users.IsLockedOutAsync(user));
        Assert.True(await users.CheckPasswordAsync(user, DemoSeeder.DemoPassword));
        var fresh = _portal.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(fresh, "guess-change", DemoSeeder.DemoPassword)).StatusCode);
    }

    [Fact]
    public async Task Pages_that_ask_for_the_password_again_are_rate_limited()
    {
        using var portal = new PortalFactory("notes");
        portal.Settings["Security:SignInPermitsPerMinute"] = "3";
        await portal.CreateAgencyAsync("RATE1", "rate-one", "member");
        var client = await portal.SignedInAsync("rate-one"); // the first post of this address
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            statuses.Add((await client.PostFormAsync("/Account/ChangePassword", new Dictionary<string, string>
            {
                ["Input.CurrentPassword"] = "Wrong@2026x" + i, ["Input.NewPassword"] = "Better@2026y", ["Input.ConfirmPassword"] = "Better@2026y",
            })).StatusCode);
        Assert.Equal(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests }, statuses);
    }

    [Fact]
    public async Task Module_API_writes_with_the_cookie_refuse_other_sites()
    {
        var demo = await _portal.DemoAgencyIdAsync();
        var note = await _portal.AddNoteAsync(demo, "跨站删不掉的笔记");
        var office = await _portal.SignedInAsync("office");

        var evilPost = new HttpRequestMessage(HttpMethod.Put, $"/m/notes/api/notes/{note}") { Content = new StringContent("{\"title\":\"跨站\"}", Encoding.UTF8, "text/plain") };
        evilPost.Headers.Add("Origin", "https://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await office.SendAsync(evilPost)).StatusCode);

        var evilDelete = new HttpRequestMessage(HttpMethod.Delete, $"/m/notes/api/notes/{note}");
        evilDelete.Headers.Add("Origin", "https://evil.example");
        var refused = await office.SendAsync(evilDelete);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("已拒绝来自其他网站的请求", await refused.Content.ReadAsStringAsync());
        // Without Origin, the browser's fetch metadata or the referrer tell the same.
        var fetchMeta = new HttpRequestMessage(HttpMethod.Delete, $"/m/notes/api/notes/{note}");
        fetchMeta.Headers.Add("Sec-Fetch-Site", "cross-site");
        Assert.Equal(HttpStatusCode.Forbidden, (await office.SendAsync(fetchMeta)).StatusCode);
        var referred = new HttpRequestMessage(HttpMethod.Delete, $"/m/notes/api/notes/{note}");
        referred.Headers.Referrer = new Uri("https://evil.example/page");
        Assert.Equal(HttpStatusCode.Forbidden, (await office.SendAsync(referred)).StatusCode);
        Assert.Contains("跨站删不掉的笔记", Regex.Unescape(await office.GetStringAsync($"/m/notes/api/notes/{note}")));

        // The portal's own pages (same origin) still write.
        var own = new HttpRequestMessage(HttpMethod.Delete, $"/m/notes/api/notes/{note}");
        own.Headers.Add("Origin", "http://localhost");
        own.Headers.Add("Sec-Fetch-Site", "same-origin");
        Assert.Equal(HttpStatusCode.NoContent, (await office.SendAsync(own)).StatusCode);
    }

    [Fact]
    public async Task Bearer_tokens_are_not_held_to_the_browser_rule()
    {
        var demo = await _portal.DemoAgencyIdAsync();
        var note = await _portal.AddNoteAsync(demo, "令牌删除的笔记");
        var secret = await _portal.RegisterAsync(new ClientForm
        {
            ClientId = "csrf-exempt", DisplayName = "报送", Confidential = true, AuthorizationCode = false, ClientCredentials = true,
            Scopes = ["modules"], Agencies = [demo],
        });
        await _portal.GrantAsync("csrf-exempt", demo, "notes.view");
        var token = await _portal.NewClient().ClientCredentialsTokenAsync("csrf-exempt", secret!, "modules", demo);
        var api = _portal.NewClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        // The token alone decides (this client may not edit notes): the foreign Origin changes nothing.
        var plain = await api.DeleteAsync($"/m/notes/api/notes/{note}");
        var request = new HttpRequestMessage(HttpMethod.Delete, $"/m/notes/api/notes/{note}");
        request.Headers.Add("Origin", "https://elsewhere.example");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        var foreign = await api.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, plain.StatusCode);
        Assert.Equal(plain.StatusCode, foreign.StatusCode);
        Assert.DoesNotContain("cross-site", await foreign.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Settings_below_the_security_baseline_are_raised_to_it_with_a_warning()
    {
        using var portal = new PortalFactory();
        portal.Settings["Security:PasswordMaxAgeDays"] = "0";
        portal.Settings["Security:PasswordHistory"] = "0";
        portal.Settings["Security:MaxFailedSignIns"] = "50";
        portal.Settings["Security:LockoutMinutes"] = "1";
        portal.Settings["Security:IdleTimeoutMinutes"] = "600";
        var security = portal.Services.GetRequiredService<SecurityOptions>();
        Assert.Equal(90, security.PasswordMaxAgeDays);
        Assert.Equal(5, security.PasswordHistory);
        Assert.Equal(5, security.MaxFailedSignIns);
        Assert.Equal(30, security.LockoutMinutes);
        var identity = portal.Services.GetRequiredService<IOptions<IdentityOptions>>().Value;
        Assert.Equal(5, identity.Lockout.MaxFailedAccessAttempts);
        Assert.Equal(TimeSpan.FromMinutes(30), identity.Lockout.DefaultLockoutTimeSpan);
        foreach (var setting in new[] { "PasswordMaxAgeDays", "PasswordHistory", "MaxFailedSignIns", "LockoutMinutes", "IdleTimeoutMinutes" })
            Assert.Contains(portal.Log.Entries, e => e.Contains("Security:" + setting));
        // Stricter values stay as they are.
        using var strict = new PortalFactory();
        strict.Settings["Security:PasswordMaxAgeDays"] = "60";
        strict.Settings["Security:PasswordHistory"] = "10";
        strict.Settings["Security:MaxFailedSignIns"] = "3";
        strict.Settings["Security:LockoutMinutes"] = "60";
        var stricter = strict.Services.GetRequiredService<SecurityOptions>();
        Assert.Equal((60, 10, 3, 60), (stricter.PasswordMaxAgeDays, stricter.PasswordHistory, stricter.MaxFailedSignIns, stricter.LockoutMinutes));
        Assert.DoesNotContain(strict.Log.Entries, e => e.Contains("Security:"));
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_other_sessions_and_every_clients_grants()
    {
        await _portal.CreateAgencyAsync("EVERY", "everywhere", "member");
        await _portal.RegisterAsync(new ClientForm
        {
            ClientId = "every-app", DisplayName = "移动端", Confidential = false, FirstParty = true, AuthorizationCode = true,
            RedirectUris = "https://every.example.gov/cb", Scopes = ["openid", "profile", "offline_access"],
        });
        var phone = await _portal.SignedInAsync("everywhere");
        var desk = await _portal.SignedInAsync("everywhere");

        // The phone's browser signed a client in, which holds a refresh token.
        var verifier = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var challenge = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorized = await phone.GetAsync("/connect/authorize?client_id=every-app&response_type=code&redirect_uri=" + Uri.EscapeDataString("https://every.example.gov/cb")
            + "&scope=" + Uri.EscapeDataString("openid profile offline_access") + "&state=s&code_challenge=" + challenge + "&code_challenge_method=S256");
        var code = QueryHelpers.ParseQuery(new Uri(authorized.Headers.Location!.ToString()).Query)["code"].ToString();
        var app = _portal.NewClient();
        var tokens = await app.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = "every-app", ["code"] = code,
            ["redirect_uri"] = "https://every.example.gov/cb", ["code_verifier"] = verifier,
        }));
        var body = await tokens.Content.ReadAsStringAsync();
        Assert.True(tokens.IsSuccessStatusCode, body);
        var refresh = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("refresh_token").GetString()!;

        var manage = await desk.GetStringAsync("/Account/Manage");
        Assert.Contains("退出所有设备", manage);
        var done = await desk.PostFormAsync("/Account/Manage", new Dictionary<string, string>(), "/Account/Manage?handler=SignOutEverywhere");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        // The desk stays signed in; the phone's session and the client's grant are gone.
        Assert.Equal(HttpStatusCode.OK, (await desk.GetAsync("/Account/Manage")).StatusCode);
        var phoneHome = await phone.GetAsync("/Account/Manage");
        Assert.Equal(HttpStatusCode.Redirect, phoneHome.StatusCode);
        Assert.Contains("/Account/Login", phoneHome.Headers.Location!.OriginalString);
        var renewed = await app.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["client_id"] = "every-app", ["refresh_token"] = refresh,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, renewed.StatusCode);
        Assert.Contains(await _portal.AuditAsync("sign-out-everywhere"), line => line.Contains("everywhere"));
    }
}
