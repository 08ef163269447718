namespace Modular.Sdk;

/// <summary>
/// Appends to the host's tamper-evident audit log. Changes made through a module's DbContext are
/// recorded by the host on their own; modules call this for other important actions, such as a full
/// view of an ID number.
/// </summary>
public interface IAuditLog
{
    /// <summary>Appends one entry for the current user and agency.</summary>
    /// <param name="action">What happened, e.g. "member.view-id-number".</param>
    /// <param name="target">What it happened to, e.g. "Member#42".</param>
    /// <param name="details">Optional short text or JSON; never unmasked personal data.</param>
    /// <param name="success">False for an attempt that was refused or failed.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    Task WriteAsync(string action, string target, string? details = null, bool success = true, CancellationToken cancellationToken = default);
}
