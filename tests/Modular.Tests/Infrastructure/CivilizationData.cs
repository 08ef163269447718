using Modular.Modules.Civilization.Domain;

namespace Modular.Tests.Infrastructure;

/// <summary>
/// The civilization module's rows (tables civ_*) as its tests find, count and read them, through <see cref="ModuleSql"/>.
/// Campaigns, items and evidence are made through the module's pages (tests/Modular.Tests/Civilization/Civilization.cs).
/// </summary>
public static class CivilizationData
{
    /// <summary>An item's status and whether it waits for the office's review.</summary>
    public sealed record ItemState(ItemStatus Status, bool AwaitingReview);

    /// <summary>A practice activity and what it links to.</summary>
    public sealed record PracticeRow(int Id, string Title, string LinkedKind, string LinkedId, string LinkedTitle, string Place);

    // Campaigns

    /// <summary>Campaigns of every agency; only those of this name when given.</summary>
    public static Task<int> CampaignCountAsync(this PortalFactory portal, string? name = null) => name is null
        ? portal.IntAsync("SELECT COUNT(*) FROM civ_campaign")
        : portal.IntAsync("SELECT COUNT(*) FROM civ_campaign WHERE \"Name\" = @n", ("n", name));

    /// <summary>The first campaign of any agency (the demo agency's seeded one).</summary>
    public static Task<int> FirstCampaignAsync(this PortalFactory portal) => portal.IntAsync("SELECT MIN(\"Id\") FROM civ_campaign");

    public static Task<string> CampaignNameAsync(this PortalFactory portal, int campaignId) =>
        portal.TextAsync("SELECT \"Name\" FROM civ_campaign WHERE \"Id\" = @i", ("i", campaignId));

    // Categories

    public static Task<int> CategoryCountAsync(this PortalFactory portal, int campaignId) =>
        portal.IntAsync("SELECT COUNT(*) FROM civ_category WHERE \"CampaignId\" = @c", ("c", campaignId));

    public static Task<int> CategoryIdAsync(this PortalFactory portal, int campaignId, string name) =>
        portal.IntAsync("SELECT \"Id\" FROM civ_category WHERE \"CampaignId\" = @c AND \"Name\" = @n", ("c", campaignId), ("n", name));

    public static async Task<bool> CategoryExistsAsync(this PortalFactory portal, int categoryId) =>
        await portal.IntAsync("SELECT COUNT(*) FROM civ_category WHERE \"Id\" = @i", ("i", categoryId)) == 1;

    public static Task<string> CategoryNameAsync(this PortalFactory portal, int categoryId) =>
        portal.TextAsync("SELECT \"Name\" FROM civ_category WHERE \"Id\" = @i", ("i", categoryId));

    /// <summary>The category's concurrency stamp, as its forms post it.</summary>
    public static async Task<long> CategoryVersionAsync(this PortalFactory portal, int categoryId) =>
        long.Parse(await portal.TextAsync("SELECT \"Version\" FROM civ_category WHERE \"Id\" = @i", ("i", categoryId)));

    /// <summary>The category's place in its campaign's framework (from 1).</summary>
    public static Task<int> CategoryOrderAsync(this PortalFactory portal, int categoryId) =>
        portal.IntAsync("SELECT \"Order\" FROM civ_category WHERE \"Id\" = @i", ("i", categoryId));

    /// <summary>The places of a campaign's categories, in order.</summary>
    public static Task<List<int>> CategoryOrdersAsync(this PortalFactory portal, int campaignId) =>
        portal.IntsAsync("SELECT \"Order\" FROM civ_category WHERE \"CampaignId\" = @c ORDER BY \"Order\"", ("c", campaignId));

    /// <summary>A campaign's category names in the framework's order.</summary>
    public static Task<List<string>> CategoryNamesAsync(this PortalFactory portal, int campaignId) =>
        portal.QueryAsync("SELECT \"Name\" FROM civ_category WHERE \"CampaignId\" = @c ORDER BY \"Order\"", ("c", campaignId));

    // Items

    public static Task<int> ItemCountAsync(this PortalFactory portal, int campaignId) =>
        portal.IntAsync("SELECT COUNT(*) FROM civ_item WHERE \"CampaignId\" = @c", ("c", campaignId));

    /// <summary>Items of every agency whose text starts with <paramref name="prefix"/>.</summary>
    public static Task<int> ItemsStartingWithAsync(this PortalFactory portal, string prefix) =>
        portal.IntAsync("SELECT COUNT(*) FROM civ_item WHERE \"Text\" LIKE @t", ("t", prefix + "%"));

    /// <summary>The different statuses a campaign's items are in.</summary>
    public static Task<List<ItemStatus>> ItemStatusesAsync(this PortalFactory portal, int campaignId) =>
        portal.EnumsAsync<ItemStatus>("SELECT DISTINCT \"Status\" FROM civ_item WHERE \"CampaignId\" = @c", ("c", campaignId));

    /// <summary>The owner of the one item with this text (null when it has none).</summary>
    public static async Task<int?> ItemOwnerAsync(this PortalFactory portal, string text) =>
        await portal.TextAsync("SELECT \"OwnerMemberId\" FROM civ_item WHERE \"Text\" = @t", ("t", text)) is { Length: > 0 } id ? int.Parse(id) : null;

    public static Task<int> ItemCategoryAsync(this PortalFactory portal, int itemId) =>
        portal.IntAsync("SELECT \"CategoryId\" FROM civ_item WHERE \"Id\" = @i", ("i", itemId));

    /// <summary>The item's concurrency stamp, as its edit form posts it.</summary>
    public static Task<string> ItemVersionAsync(this PortalFactory portal, int itemId) =>
        portal.TextAsync("SELECT \"Version\" FROM civ_item WHERE \"Id\" = @i", ("i", itemId));

    /// <summary>Where the item's evidence and review stand.</summary>
    public static async Task<ItemState> EvidenceStateAsync(this PortalFactory portal, int itemId)
    {
        var row = Assert.Single(await portal.RowsAsync("SELECT \"Status\", \"AwaitingReview\" FROM civ_item WHERE \"Id\" = @i", ("i", itemId)));
        return new ItemState((ItemStatus)int.Parse(row[0]), ModuleSql.IsTrue(row[1]));
    }

    // Evidence

    public static Task<int> EvidenceCountAsync(this PortalFactory portal, int itemId) =>
        portal.IntAsync("SELECT COUNT(*) FROM civ_evidence WHERE \"ItemId\" = @i", ("i", itemId));

    /// <summary>The item's latest evidence entry.</summary>
    public static Task<int> LatestEvidenceAsync(this PortalFactory portal, int itemId) =>
        portal.IntAsync("SELECT MAX(\"Id\") FROM civ_evidence WHERE \"ItemId\" = @i", ("i", itemId));

    public static async Task<bool> EvidenceExistsAsync(this PortalFactory portal, int entryId) =>
        await portal.IntAsync("SELECT COUNT(*) FROM civ_evidence WHERE \"Id\" = @e", ("e", entryId)) == 1;

    /// <summary>The owner key under which the host's file store keeps an evidence entry's files.</summary>
    public static string EvidenceFilesKey(int entryId) => $"evidence:{entryId}";

    // Practice and honours

    /// <summary>The first practice activity and honour of any agency (the demo agency's seeded ones).</summary>
    public static Task<int> FirstPracticeAsync(this PortalFactory portal) => portal.IntAsync("SELECT MIN(\"Id\") FROM civ_practice");
    public static Task<int> FirstHonourAsync(this PortalFactory portal) => portal.IntAsync("SELECT MIN(\"Id\") FROM civ_honour");

    public static async Task<bool> HonourExistsAsync(this PortalFactory portal, int honourId) =>
        await portal.IntAsync("SELECT COUNT(*) FROM civ_honour WHERE \"Id\" = @i", ("i", honourId)) == 1;

    private const string PracticeColumns = "\"Id\", \"Title\", \"LinkedKind\", \"LinkedId\", \"LinkedTitle\", \"Place\"";

    public static Task<PracticeRow> PracticeAsync(this PortalFactory portal, int practiceId) =>
        portal.PracticeWhereAsync("\"Id\" = @v", practiceId);

    /// <summary>The one practice activity linked to this record id of another module.</summary>
    public static Task<PracticeRow> PracticeLinkedToAsync(this PortalFactory portal, int linkedId) =>
        portal.PracticeWhereAsync("\"LinkedId\" = @v", linkedId.ToString());

    private static async Task<PracticeRow> PracticeWhereAsync(this PortalFactory portal, string where, object value)
    {
        var r = Assert.Single(await portal.RowsAsync($"SELECT {PracticeColumns} FROM civ_practice WHERE {where}", ("v", value)));
        return new PracticeRow(int.Parse(r[0]), r[1], r[2], r[3], r[4], r[5]);
    }
}
