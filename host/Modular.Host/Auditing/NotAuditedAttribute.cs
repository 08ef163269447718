namespace Modular.Host.Auditing;

/// <summary>
/// Rows of this type are not recorded line by line by <see cref="AuditInterceptor"/>: the type carries the reason, and
/// what records it instead (the chain itself, events that name it, or nothing because it is bookkeeping).
/// Honoured on the host's own types only: a module's data is always audited.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class NotAuditedAttribute(string reason) : Attribute
{
    public string Reason { get; } = reason;
}

/// <summary>A context whose rows the audit log names after another (their lines kept that name when the context was split off).</summary>
public interface IAuditedAs
{
    /// <summary>The prefix of the audit target ("Directory" in "Directory.StoredFile#5").</summary>
    string AuditName { get; }
}
