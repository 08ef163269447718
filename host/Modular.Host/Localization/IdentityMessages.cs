using Microsoft.AspNetCore.Identity;

namespace Modular.Host.Localization;

/// <summary>Identity's error codes in the user's language (Identity itself speaks English).</summary>
public static class IdentityMessages
{
    public static string Describe(IdentityError e, IText text) => e.Code switch
    {
        "PasswordTooShort" => text["The password must be at least 8 characters long."],
        "PasswordMismatch" => text["The current password is wrong."],
        "DuplicateUserName" => text["This user name is already taken."],
        "InvalidUserName" => text["The user name may hold only letters, digits and - . _ @"],
        "InvalidToken" => text["The code is wrong or has expired."],
        // Our own validators already speak Chinese.
        _ => e.Description,
    };
}
