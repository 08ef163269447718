namespace Modular.Modules.Civilization.Rules;

/// <summary>A problem with a form: the field (as the form names it; empty for the whole form), an English message key and its arguments, localised by the page.</summary>
public sealed record Problem(string Field, string Message, params object[] Args);
