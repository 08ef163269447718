namespace Modular.Modules.Civilization.Data;

/// <summary>A campaign toward a title (创建活动), with its criteria framework (测评体系).</summary>
public sealed class Campaign : IAgencyOwned, IVersioned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public string Name { get; set; } = "";
    public TitleLevel TitleLevel { get; set; }
    /// <summary>The title's own wording when <see cref="TitleLevel"/> is Other.</summary>
    public string? TitleName { get; set; }
    public int Year { get; set; }
    public CampaignStatus Status { get; set; }
    /// <summary>The responsible leader (a member of the directory).</summary>
    public int? LeaderMemberId { get; set; }
    public string? Note { get; set; }
    public long Version { get; set; }
}

/// <summary>A category of the framework (e.g. 思想道德建设).</summary>
public sealed class CriteriaCategory : IAgencyOwned, IVersioned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int CampaignId { get; set; }
    /// <summary>Where the category shows: campaign page, chart, roll-up and export all follow it.</summary>
    public int Order { get; set; }
    public string Name { get; set; } = "";
    public long Version { get; set; }
}

/// <summary>One criterion with its points, owner, due date and the reviewer's mark.</summary>
public sealed class CriteriaItem : IAgencyOwned, IVersioned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int CampaignId { get; set; }
    public int CategoryId { get; set; }
    public int Order { get; set; }
    public string? Code { get; set; }
    public string Text { get; set; } = "";
    public decimal Points { get; set; }
    public int? OwnerMemberId { get; set; }
    public DateOnly? DueDate { get; set; }
    public ItemStatus Status { get; set; }
    /// <summary>Evidence came in after the last review.</summary>
    public bool AwaitingReview { get; set; }
    public string? ReviewComment { get; set; }
    public int? ReviewerMemberId { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public long Version { get; set; }
}

/// <summary>Evidence (佐证材料) an owner submitted for an item; its files are in the portal's file store under <c>evidence:&lt;id&gt;</c>.</summary>
public sealed class Evidence : IAgencyOwned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int ItemId { get; set; }
    public string Text { get; set; } = "";
    public int? SubmittedByMemberId { get; set; }
    public DateTime SubmittedAt { get; set; }
}

/// <summary>An activity of the agency's 新时代文明实践点; a linked record of another module keeps its kind, id and a snapshot.</summary>
public sealed class PracticeActivity : IAgencyOwned, IVersioned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public PracticeKind Kind { get; set; }
    public string Title { get; set; } = "";
    public DateOnly Date { get; set; }
    public string? Place { get; set; }
    public string? Summary { get; set; }
    public int? Participants { get; set; }
    public string? LinkedKind { get; set; }
    public string? LinkedId { get; set; }
    /// <summary>The linked record's title and date when linked: shown as plain text when its module is off.</summary>
    public string? LinkedTitle { get; set; }
    public DateOnly? LinkedDate { get; set; }
    public long Version { get; set; }
}

/// <summary>A title the agency won (荣誉称号).</summary>
public sealed class Honour : IAgencyOwned, IVersioned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public string Title { get; set; } = "";
    public int Year { get; set; }
    public HonourLevel Level { get; set; }
    public string IssuingBody { get; set; } = "";
    public int? CampaignId { get; set; }
    public long Version { get; set; }
}
