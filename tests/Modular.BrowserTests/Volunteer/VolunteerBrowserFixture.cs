using Modular.BrowserTests.Infrastructure;

namespace Modular.BrowserTests.Volunteer;

public sealed class VolunteerBrowserFixture() : BrowserFixture("volunteer");
