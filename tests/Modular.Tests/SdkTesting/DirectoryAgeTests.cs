using Modular.Sdk;
using Modular.Sdk.Testing;

namespace Modular.Tests.SdkTesting;

/// <summary>The directory's age answer in the test kit: from the birth date the test recorded, null without one.</summary>
public sealed class DirectoryAgeTests
{
    [Fact]
    public async Task The_age_comes_from_the_recorded_birth_date_and_is_unknown_without_one()
    {
        var directory = new FakeDirectory();
        var branch = directory.AddOrganization("第一党支部");
        var person = directory.AddMember("申请人", branch.Id, MemberStage.Applicant);
        IDirectory asSdk = directory;
        Assert.Null(await asSdk.AgeOnAsync(person.Id, new DateOnly(2026, 6, 15)));
        directory.SetBirthDate(person.Id, new DateOnly(2008, 6, 15));
        Assert.Equal(17, await asSdk.AgeOnAsync(person.Id, new DateOnly(2026, 6, 14)));
        Assert.Equal(18, await asSdk.AgeOnAsync(person.Id, new DateOnly(2026, 6, 15)));
        Assert.Null(await asSdk.AgeOnAsync(999, new DateOnly(2026, 6, 15)));
        directory.SetBirthDate(person.Id, null);
        Assert.Null(await asSdk.AgeOnAsync(person.Id, new DateOnly(2026, 6, 15)));
    }
}
