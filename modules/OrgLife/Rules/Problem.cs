namespace Modular.Modules.OrgLife.Rules;

/// <summary>
/// A problem with a form: the field as the form names it (<c>Rows[2].LeaveReason</c>, <c>Minutes</c>; empty for the
/// whole form) and an English message key with its arguments, localised by the page.
/// </summary>
public sealed record Problem(string Field, string Message, params object[] Args);
