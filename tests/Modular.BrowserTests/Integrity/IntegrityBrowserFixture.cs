using Modular.BrowserTests.Infrastructure;

namespace Modular.BrowserTests.Integrity;

public sealed class IntegrityBrowserFixture() : BrowserFixture("integrity");
