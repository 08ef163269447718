using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Modular.Sdk;

/// <summary>
/// A problem a rule finds with a form: the field as the form names it (<c>Rows[2].LeaveReason</c>, <c>Minutes</c>; empty
/// for the whole form) and an English message key with its arguments, which the page localises. Rules return problems
/// and know nothing of pages; the page puts them next to the fields with
/// <see cref="ProblemExtensions.AddProblems(ModelStateDictionary, IEnumerable{Problem}, IStringLocalizer, string, bool)"/>.
/// </summary>
/// <param name="Field">The field as the form names it, without the page's prefix; empty for the whole form.</param>
/// <param name="Message">The English message key in the module's resources (a composite format string for <paramref name="Args"/>).</param>
/// <param name="Args">The arguments of the message.</param>
public sealed record Problem(string Field, string Message, params object[] Args)
{
    /// <summary>The message key of <see cref="Stale"/>; shown as the portal's one <see cref="PageOutcomes.ChangedByOthers"/> message.</summary>
    public const string StaleKey = "stale";

    /// <summary>Someone else changed the record since the form was shown (a stale concurrency stamp).</summary>
    /// <param name="field">The field, usually empty (the whole form).</param>
    public static Problem Stale(string field = "") => new(field, StaleKey);
}

/// <summary>Puts a rule's <see cref="Problem"/>s into a page's <c>ModelState</c>, next to the fields, in the user's language.</summary>
public static class ProblemExtensions
{
    /// <summary>
    /// Adds each problem under <paramref name="prefix"/> + its field (<c>ModelState.AddProblems(problems, T, "Input.")</c>),
    /// localised by <paramref name="localizer"/>; <see cref="Problem.Stale"/> becomes the portal's
    /// <see cref="PageOutcomes.ChangedByOthers"/> message.
    /// </summary>
    /// <param name="modelState">The page's model state.</param>
    /// <param name="problems">What the rules found.</param>
    /// <param name="localizer">The module's localizer (<c>IStringLocalizer&lt;YourModule&gt;</c>).</param>
    /// <param name="prefix">Put before each field: the bound model's name and a dot, such as <c>"Input."</c>.</param>
    /// <param name="firstPerField">Skip a problem whose field has an error already (one clear message per field, such as after model binding).</param>
    public static void AddProblems(this ModelStateDictionary modelState, IEnumerable<Problem> problems, IStringLocalizer localizer, string prefix = "", bool firstPerField = false)
    {
        foreach (var p in problems)
        {
            var key = prefix + p.Field;
            if (firstPerField && modelState[key] is { Errors.Count: > 0 }) continue;
            modelState.AddModelError(key, p.Message == Problem.StaleKey ? PageOutcomes.ChangedByOthers.Current : localizer[p.Message, p.Args]);
        }
    }
}
