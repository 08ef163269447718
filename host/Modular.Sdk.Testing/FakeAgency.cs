namespace Modular.Sdk.Testing;

/// <summary>The agency of the test: agency 1 unless told otherwise; change <see cref="Id"/> to act as another agency.</summary>
/// <param name="id">The agency's id; null for a request outside any agency.</param>
/// <param name="name">The agency's name.</param>
public sealed class FakeAgency(int? id = 1, string? name = "测试单位") : ICurrentAgency
{
    /// <inheritdoc />
    public int? Id { get; set; } = id;

    /// <inheritdoc />
    public string? Name { get; set; } = name;
}
