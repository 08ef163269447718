namespace Modular.Modules.Volunteer.Rules;

/// <summary>A problem with a form: the field (as the form names it), an English message key and its arguments, localised by the page.</summary>
public sealed record Problem(string Field, string Message, params object[] Args);
