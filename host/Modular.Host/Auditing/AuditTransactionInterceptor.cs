using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Modular.Host.Auditing;

/// <summary>Releases the audit lines of a transaction's changes when it commits, drops them when it rolls back.</summary>
public sealed class AuditTransactionInterceptor(AuditInterceptor audit) : DbTransactionInterceptor
{
    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        audit.CommittedAsync(transaction, cancellationToken);

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        audit.CommittedAsync(transaction, CancellationToken.None).GetAwaiter().GetResult();

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        audit.RolledBack(transaction);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => audit.RolledBack(transaction);
}
