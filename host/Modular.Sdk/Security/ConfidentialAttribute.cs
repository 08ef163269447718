namespace Modular.Sdk;

/// <summary>
/// Marks a property whose content is confidential (an integrity talk's summary, a member's own reflections, any
/// free text of a record only a few people may read). The host's audit log records that such a field was set,
/// changed or removed, never its value (neither the old nor the new one), so the audit administrator and the
/// audit export see that the content changed but not what it says.
/// </summary>
/// <remarks>
/// Mark every free-text field of a record whose reading is restricted. Values that identify a person
/// (ID and phone numbers, birth dates) take <see cref="PersonalDataAttribute"/> instead, which masks them.
/// </remarks>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ConfidentialAttribute : Attribute
{
    /// <summary>What the audit log shows in place of a confidential value that is present.</summary>
    public const string Placeholder = "(confidential)";
}
