using System.ComponentModel.DataAnnotations;
using Modular.Sdk;

namespace Fixture.Notes.Data;

public sealed class Note : IAgencyOwned, IVersioned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    [MaxLength(100)] public string Title { get; set; } = "";
    [MaxLength(2000)] public string Body { get; set; } = "";
    public DateOnly? DueDate { get; set; }
    /// <summary>Added by the second migration, to test upgrades of an existing database.</summary>
    public bool Pinned { get; set; }
    /// <summary>Personal data: masked in the audit log (third migration).</summary>
    [PersonalData(PersonalDataKind.Phone)] [MaxLength(20)] public string? ContactPhone { get; set; }
    public long Version { get; set; }
}
