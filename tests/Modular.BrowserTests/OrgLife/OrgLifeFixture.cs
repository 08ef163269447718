using Modular.BrowserTests.Infrastructure;

namespace Modular.BrowserTests.OrgLife;

/// <summary>The portal with the organisational-life module.</summary>
public sealed class OrgLifeFixture() : BrowserFixture("org-life");
