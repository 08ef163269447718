using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Auditing;

/// <summary>
/// Fields marked <c>[Confidential]</c> in a module: a change writes an audit line that names the field, never its value
/// (neither old nor new), and the audit administrator's export carries none either.
/// </summary>
public static class ConfidentialAudit
{
    public const string Placeholder = "(confidential)";

    /// <summary>The audit lines whose target starts with <paramref name="target"/> name <paramref name="field"/> as confidential and carry none of the texts.</summary>
    public static async Task AssertAsync(PortalFactory portal, string target, string field, int atLeast, params string[] secrets)
    {
        var lines = await portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Target.StartsWith(target)).ToListAsync());
        // Set, changed or removed: the field is named, its value stands as the placeholder (or null where there was none).
        var naming = lines.Where(e => Regex.IsMatch(e.Details ?? "", $"\"{field}\":\\[(null,)?\"{Regex.Escape(Placeholder)}\"")).ToList();
        Assert.True(naming.Count >= atLeast, $"expected {atLeast} line(s) naming {field} on {target}, found {naming.Count}: {string.Join(" / ", lines.Select(l => l.Details).Take(5))}");
        foreach (var secret in secrets)
            Assert.DoesNotContain(lines, e => e.Details?.Contains(secret) == true);
        var csv = await (await (await portal.SignedInAsync("auditor")).GetAsync("/Audit?handler=Export")).Content.ReadAsStringAsync();
        Assert.Contains(Placeholder, csv);
        foreach (var secret in secrets) Assert.DoesNotContain(secret, csv);
    }

    public static string Value(string html, string name) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"").Groups[1].Value);
}
