using Modular.BrowserTests.Infrastructure;

namespace Modular.BrowserTests.Civilization;

public sealed class CivilizationBrowserFixture() : BrowserFixture("civilization", "volunteer");
