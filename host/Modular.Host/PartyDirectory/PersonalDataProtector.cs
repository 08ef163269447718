using Microsoft.AspNetCore.DataProtection;
using Modular.Sdk;

namespace Modular.Host.PartyDirectory;

/// <summary>Protects ID and phone numbers at rest (Data Protection, keys shared in the database) and masks them for display.</summary>
public sealed class PersonalDataProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Modular.Directory.PersonalData");

    public string? Protect(string? value) => string.IsNullOrWhiteSpace(value) ? null : _protector.Protect(value.Trim());

    public string? Unprotect(string? stored) => string.IsNullOrEmpty(stored) ? null : _protector.Unprotect(stored);

    public void SetIdNumber(Member m, string? idNumber)
    {
        idNumber = string.IsNullOrWhiteSpace(idNumber) ? null : idNumber.Trim().ToUpperInvariant();
        m.IdNumberProtected = Protect(idNumber);
        m.IdNumberMasked = idNumber is null ? null : Mask.IdNumber(idNumber);
    }

    public void SetPhone(Member m, string? phone)
    {
        phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
        m.PhoneProtected = Protect(phone);
        m.PhoneMasked = phone is null ? null : Mask.Phone(phone);
    }
}
