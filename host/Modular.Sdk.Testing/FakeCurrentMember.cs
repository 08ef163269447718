namespace Modular.Sdk.Testing;

/// <summary>
/// The signed-in member of the test: the <see cref="FakeDirectory"/>'s current member and data scope
/// (<see cref="FakeDirectory.SignIn"/>), so a service sees the same person through the directory and through this.
/// </summary>
/// <param name="directory">The directory whose signed-in member this is.</param>
public sealed class FakeCurrentMember(FakeDirectory directory) : ICurrentMember
{
    /// <summary>How many times the member was read (a service should read it once per request).</summary>
    public int Reads { get; private set; }

    /// <inheritdoc />
    public Task<MemberInfo?> GetAsync(CancellationToken ct = default)
    {
        Reads++;
        return directory.GetCurrentMemberAsync(ct);
    }

    /// <inheritdoc />
    public Task<DataScope> GetScopeAsync(CancellationToken ct = default) => directory.GetCurrentScopeAsync(ct);
}
