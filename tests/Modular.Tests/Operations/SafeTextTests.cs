using Modular.Host.Operations;

namespace Modular.Tests.Operations;

/// <summary>Failure reasons shown to anonymous probes lose file paths and connection-string parts, and keep the why.</summary>
public sealed class SafeTextTests
{
    [Theory]
    [InlineData("无法读取 plugin.json：Could not find file '/srv/portal/plugins/x/plugin.json'.", "/srv/portal")]
    [InlineData(@"找不到 C:\portal\plugins\x\x.dll。", @"C:\portal")]
    [InlineData("数据库迁移失败（XDbContext）：Failed to connect: Host=db.internal;Port=5432;Password=s3cret;", "s3cret")]
    [InlineData("数据库迁移失败（XDbContext）：Data Source=/var/lib/modular/modular.db is locked", "modular.db")]
    public void Redact_cuts_paths_and_connection_strings(string reason, string secret)
    {
        var safe = SafeText.Redact(reason);
        Assert.DoesNotContain(secret, safe);
        Assert.Contains("…", safe);
        Assert.Equal(reason[..4], safe[..4]); // the why stays
    }

    [Theory]
    [InlineData("注册时出错：InvalidOperationException: fixture failure while registering")]
    [InlineData("依赖的模块“notes”版本为 1.0.0，不在要求的范围 >=2.0.0 内。")]
    [InlineData("插件要求 SDK >=9.0.0 <10.0.0，本平台提供 SDK 1.2.0。")]
    public void Redact_keeps_reasons_without_secrets_as_they_are(string reason) => Assert.Equal(reason, SafeText.Redact(reason));
}
