using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Sdk;

namespace Modular.Tests.PartyDirectory;

/// <summary>The SDK's default members-by-id for a directory that implements only the original members (an older plugin's fake, say).</summary>
public sealed class DirectoryDefaultMembersTests
{
    private sealed class OldDirectory(IReadOnlyList<MemberInfo> members) : IDirectory
    {
        public int SingleReads { get; private set; }
        private static readonly OrganizationInfo Root = new(1, null, OrganizationKind.AgencyCommittee, "机关党委", false, null, null);
        public Task<IReadOnlyList<OrganizationInfo>> GetOrganizationsAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<OrganizationInfo>>([Root]);
        public Task<OrganizationInfo?> GetOrganizationAsync(int id, CancellationToken ct = default) => Task.FromResult(id == 1 ? Root : null);
        public Task<IReadOnlyList<MemberInfo>> GetMembersAsync(int organizationId, bool includeDescendants = true, CancellationToken ct = default) =>
            Task.FromResult<IReadOnlyList<MemberInfo>>(organizationId == 1 ? members : []);
        public Task<MemberInfo?> GetMemberAsync(int id, CancellationToken ct = default)
        {
            SingleReads++;
            return Task.FromResult(members.FirstOrDefault(m => m.Id == id));
        }
        public Task<IReadOnlyList<PostInfo>> GetPostsAsync(int organizationId, CancellationToken ct = default) => Task.FromResult<IReadOnlyList<PostInfo>>([]);
        public Task<MemberInfo?> GetCurrentMemberAsync(CancellationToken ct = default) => Task.FromResult<MemberInfo?>(null);
        public Task<DataScope> GetCurrentScopeAsync(CancellationToken ct = default) => Task.FromResult(DataScope.None);
    }

    [Fact]
    public async Task A_few_ids_are_read_one_by_one_many_from_the_roster_unknown_ones_left_out()
    {
        var members = Enumerable.Range(1, 30).Select(i => new MemberInfo(i, $"党员{i:00}", Gender.Unknown, MemberStage.FullMember, MemberSituation.Normal, 1, null, null, null, false, null, null)).ToList();
        var directory = new OldDirectory(members);
        IDirectory sdk = directory;
        Assert.Equal([3, 5], (await sdk.GetMembersAsync([5, 3, 3, 999])).Select(m => m.Id).ToList());
        Assert.Equal(3, directory.SingleReads);
        Assert.Empty(await sdk.GetMembersAsync([]));
        var many = await sdk.GetMembersAsync(Enumerable.Range(20, 40).ToList());
        Assert.Equal(Enumerable.Range(20, 11).ToList(), many.Select(m => m.Id).ToList());
        Assert.Equal(3, directory.SingleReads); // the roster, not 40 single reads
    }
}
