namespace Modular.BrowserTests.Infrastructure;

/// <summary>A browser test's failure, with what the pages and the server showed at that moment.</summary>
public sealed class StepFailedException(string message, Exception inner) : Exception(message, inner);
