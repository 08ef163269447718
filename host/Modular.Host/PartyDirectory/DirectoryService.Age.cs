using Microsoft.EntityFrameworkCore;
using Modular.Sdk;

namespace Modular.Host.PartyDirectory;

public sealed partial class DirectoryService
{
    // Only the birth date column is read, and only the age leaves: modules never see the date (personal data).
    public async Task<int?> AgeOnAsync(int memberId, DateOnly date, CancellationToken ct = default) =>
        await db.Members.AsNoTracking().Where(m => m.Id == memberId).Select(m => m.BirthDate).FirstOrDefaultAsync(ct) is { } birth
            ? MemberAge.On(birth, date) : null;

    // The stage dates without the birth date: the way in is the module's to know, the birth date is not.
    public async Task<StageDates?> GetStageDatesAsync(int memberId, CancellationToken ct = default) =>
        await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, ct) is { } m ? m.StageDates(null) : null;
}
