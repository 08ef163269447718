using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.Tenancy;
using Modular.Sdk;
using MemberInfo = Modular.Sdk.MemberInfo;
using Modular.Sdk.Testing;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Sdk;

/// <summary>
/// A plugin built against SDK 1.3 binds to members by their exact signatures: each member of <see cref="MemberInfo"/> and
/// <see cref="MemberQuery"/> that 1.3 had (as its source read, commit 1b630f2^1) must still be there with the same types,
/// and must mean what it meant (a 1.3 status split into stage and situation).
/// </summary>
#pragma warning disable CS0618 // the 1.3 members are what is tested
public sealed class SdkCompatibilityTests
{
    private static readonly Type? NullableDate = typeof(DateOnly?);

    // The 1.3 signatures: constructor and deconstruction parameters, properties with their init setters.
    private static readonly Type[] MemberInfo13 =
        [typeof(int), typeof(string), typeof(Gender), typeof(MemberStatus), typeof(int), typeof(int?), typeof(string), typeof(string), typeof(bool), NullableDate!, NullableDate!];
    private static readonly Type[] MemberQuery13 = [typeof(int?), typeof(bool), typeof(IReadOnlyCollection<MemberStatus>)];

    public static TheoryData<Type, string, Type> Properties13 => new()
    {
        { typeof(MemberInfo), "Id", typeof(int) }, { typeof(MemberInfo), "Name", typeof(string) }, { typeof(MemberInfo), "Gender", typeof(Gender) },
        { typeof(MemberInfo), "Status", typeof(MemberStatus) }, { typeof(MemberInfo), "OrganizationId", typeof(int) }, { typeof(MemberInfo), "GroupId", typeof(int?) },
        { typeof(MemberInfo), "PhoneMasked", typeof(string) }, { typeof(MemberInfo), "UserId", typeof(string) }, { typeof(MemberInfo), "IsLeadingCadre", typeof(bool) },
        { typeof(MemberInfo), "JoinedDate", typeof(DateOnly?) }, { typeof(MemberInfo), "FullMemberDate", typeof(DateOnly?) },
        { typeof(MemberQuery), "OrganizationId", typeof(int?) }, { typeof(MemberQuery), "IncludeDescendants", typeof(bool) },
        { typeof(MemberQuery), "Statuses", typeof(IReadOnlyCollection<MemberStatus>) },
    };

    [Theory]
    [MemberData(nameof(Properties13))]
    public void Every_13_property_is_there_with_its_type_and_its_init_setter(Type type, string name, Type propertyType)
    {
        var property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance);
        Assert.NotNull(property);
        Assert.Equal(propertyType, property.PropertyType);
        Assert.NotNull(property.GetMethod);
        // A 1.3 `with { Status = … }` calls the init setter, whose signature carries IsExternalInit.
        var setter = property.SetMethod;
        Assert.NotNull(setter);
        Assert.Contains(typeof(IsExternalInit), setter.ReturnParameter.GetRequiredCustomModifiers());
    }

    [Fact]
    public void The_13_constructors_deconstructions_and_members_are_there_with_their_exact_signatures()
    {
        Assert.NotNull(typeof(MemberInfo).GetConstructor(MemberInfo13));
        Assert.NotNull(typeof(MemberQuery).GetConstructor(MemberQuery13));
        Assert.NotNull(typeof(MemberInfo).GetMethod("Deconstruct", MemberInfo13.Select(t => t.MakeByRefType()).ToArray()));
        Assert.NotNull(typeof(MemberQuery).GetMethod("Deconstruct", MemberQuery13.Select(t => t.MakeByRefType()).ToArray()));
        Assert.Equal(typeof(bool), typeof(MemberQuery).GetMethod("Wants", [typeof(MemberStatus)])?.ReturnType);
        Assert.Equal(typeof(bool), typeof(MemberInfo).GetProperty("IsPartyMember")?.PropertyType);
        Assert.Equal(typeof(bool), typeof(MemberInfo).GetProperty("CanVote")?.PropertyType);
        Assert.True(typeof(MemberQuery).GetField("PartyMembers", BindingFlags.Public | BindingFlags.Static) is { IsInitOnly: true } f && f.FieldType == typeof(MemberQuery));
        // Marked obsolete, so that new code moves to the stage and situation.
        Assert.NotNull(typeof(MemberInfo).GetConstructor(MemberInfo13)!.GetCustomAttribute<ObsoleteAttribute>());
        Assert.NotNull(typeof(MemberQuery).GetConstructor(MemberQuery13)!.GetCustomAttribute<ObsoleteAttribute>());
    }

    [Fact]
    public void A_13_constructed_member_reads_as_the_stage_and_situation_its_status_meant()
    {
        // Invoked as a 1.3 call site does: the constructor by its signature.
        MemberInfo Make(MemberStatus status, DateOnly? joined = null, DateOnly? full = null) =>
            (MemberInfo)typeof(MemberInfo).GetConstructor(MemberInfo13)!.Invoke([1, "张三", Gender.Male, status, 2, null, null, null, false, joined, full]);

        var full = Make(MemberStatus.FullMember, new(2010, 7, 1), new(2011, 7, 1));
        Assert.Equal((MemberStage.FullMember, MemberSituation.Normal), (full.Stage, full.Situation));
        Assert.True(full.CanVote);
        Assert.Equal(MemberStatus.FullMember, full.Status);
        var mobile = Make(MemberStatus.Mobile, new(2010, 7, 1), new(2011, 7, 1));
        Assert.Equal((MemberStage.FullMember, MemberSituation.Mobile), (mobile.Stage, mobile.Situation));
        Assert.True(mobile.CanVote);
        Assert.Equal(MemberStatus.Mobile, mobile.Status);
        var lost = Make(MemberStatus.LostContact, new(2026, 1, 10));
        Assert.Equal((MemberStage.ProbationaryMember, MemberSituation.LostContact), (lost.Stage, lost.Situation));
        Assert.True(lost.IsPartyMember);
        var gone = Make(MemberStatus.TransferredOut, new(2010, 7, 1), new(2011, 7, 1));
        Assert.False(gone.IsOnRoster);
        Assert.Equal(MemberStatus.TransferredOut, gone.Status);
        Assert.Equal(MemberSituation.Deceased, Make(MemberStatus.Deceased).Situation);
        Assert.Equal((MemberStage.Activist, MemberSituation.Normal), (Make(MemberStatus.Activist).Stage, Make(MemberStatus.Activist).Situation));

        // `with { Status = … }` and the 1.3 deconstruction.
        var moved = full with { Status = MemberStatus.Deceased };
        Assert.Equal((MemberStage.FullMember, MemberSituation.Deceased), (moved.Stage, moved.Situation));
        var (id, name, _, status, org, _, _, _, _, joined, _) = mobile;
        Assert.Equal((1, "张三", MemberStatus.Mobile, 2, new DateOnly(2010, 7, 1)), (id, name, status, org, joined!.Value));
        // The situation's date is new in 1.5: none from a 1.3 constructor.
        Assert.Null(mobile.SituationSince);
    }

    [Fact]
    public async Task A_13_query_of_statuses_counts_in_the_directory_as_its_stages_on_the_roster_plus_the_situations_asked()
    {
        var directory = new FakeDirectory();
        var branch = directory.AddOrganization("第一党支部").Id;
        directory.AddMember("正式党员", branch);
        directory.AddMember("流动党员", branch, situation: MemberSituation.Mobile);
        directory.AddMember("出国党员", branch, situation: MemberSituation.Abroad);
        directory.AddMember("预备党员", branch, MemberStage.ProbationaryMember);
        directory.AddMember("转出党员", branch, situation: MemberSituation.TransferredOut);
        directory.AddMember("申请人", branch, MemberStage.Applicant);
        IDirectory sdk = directory;
        MemberQuery Query(params MemberStatus[] statuses) =>
            (MemberQuery)typeof(MemberQuery).GetConstructor(MemberQuery13)!.Invoke([null, true, statuses]);

        // The 1.3 plugin that counts its full members now counts the mobile and abroad ones too (they still vote).
        Assert.Equal(3, await sdk.CountMembersAsync(Query(MemberStatus.FullMember)));
        Assert.Equal(4, await sdk.CountMembersAsync(Query(MemberStatus.FullMember, MemberStatus.ProbationaryMember)));
        Assert.Equal(await sdk.CountMembersAsync(MemberQuery.PartyMembers), await sdk.CountMembersAsync(Query(MemberStatus.FullMember, MemberStatus.ProbationaryMember)));
        Assert.Equal(2, await sdk.CountMembersAsync(Query(MemberStatus.Mobile)));
        Assert.Equal(1, await sdk.CountMembersAsync(Query(MemberStatus.TransferredOut)));
        Assert.Equal(6, await sdk.CountMembersAsync(Query()));
        var query = Query(MemberStatus.FullMember);
        Assert.Equal(new[] { MemberStatus.FullMember }, query.Statuses);
        Assert.True(query.Wants(MemberStatus.FullMember));
        Assert.False(query.Wants(MemberStatus.Applicant));
        var set = new MemberQuery { Statuses = [MemberStatus.Mobile] };
        Assert.Equal(new[] { MemberSituation.Mobile, MemberSituation.Abroad }, set.Situations);
        Assert.Null(set.Stages);
        var (orgId, descendants, statuses) = query;
        Assert.Equal(((int?)null, true), (orgId, descendants));
        Assert.Equal(new[] { MemberStatus.FullMember }, statuses);
        // A 1.4 query reads as the 1.3 statuses of its stages.
        Assert.Equal(new[] { MemberStatus.FullMember, MemberStatus.ProbationaryMember }, MemberQuery.PartyMembers.Statuses);
    }

    [Fact]
    public async Task The_directory_gives_the_date_a_situation_began_and_the_test_kit_does_too()
    {
        using var portal = new PortalFactory();
        var agency = await portal.DemoAgencyIdAsync();
        using var _ = AgencyScope.Use(agency);
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Modular.Host.PartyDirectory.DirectoryDbContext>();
        var member = db.Members.OrderBy(m => m.Id).First(m => m.Stage == MemberStage.FullMember && m.Situation == MemberSituation.Normal);
        member.Situation = MemberSituation.Mobile;
        member.SituationSince = new DateOnly(2026, 3, 1);
        await db.SaveChangesAsync();
        var directory = scope.ServiceProvider.GetRequiredService<IDirectory>();
        Assert.Equal(new DateOnly(2026, 3, 1), (await directory.GetMemberAsync(member.Id))!.SituationSince);
        Assert.Equal(new DateOnly(2026, 3, 1), (await directory.FindMembersAsync(new MemberQuery(Situations: [MemberSituation.Mobile]))).Single(m => m.Id == member.Id).SituationSince);
        Assert.Equal(new DateOnly(2026, 3, 1), (await directory.GetAllMembersAsync()).Single(m => m.Id == member.Id).SituationSince);

        var fake = new FakeDirectory { Today = new DateOnly(2026, 11, 23) };
        var someone = fake.AddMember("李四", fake.AddOrganization("第一党支部").Id);
        Assert.Null(someone.SituationSince);
        Assert.True((await fake.ChangeSituationAsync("test", new SituationChange(someone.Id, MemberSituation.Abroad, new DateOnly(2026, 10, 1), "出国学习"))).Succeeded);
        Assert.Equal(new DateOnly(2026, 10, 1), (await ((IDirectory)fake).GetMemberAsync(someone.Id))!.SituationSince);
        Assert.True((await fake.ChangeSituationAsync("test", new SituationChange(someone.Id, MemberSituation.Normal, new DateOnly(2026, 11, 1), "回国"))).Succeeded);
        Assert.Null((await ((IDirectory)fake).GetMemberAsync(someone.Id))!.SituationSince);
    }
}
#pragma warning restore CS0618
