using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Modular.Host.Localization;

/// <summary>Model-binding errors in the user's language (they are English-only by default).</summary>
public static class ValidationMessages
{
    private static readonly JsonStringLocalizer L = new(typeof(ValidationMessages).Assembly);

    public static void Localize(DefaultModelBindingMessageProvider p)
    {
        p.SetValueIsInvalidAccessor(v => L["The value '{0}' is invalid.", v]);
        p.SetValueMustBeANumberAccessor(f => L["The field {0} must be a number.", f]);
        p.SetMissingBindRequiredValueAccessor(f => L["A value for the '{0}' parameter or property was not provided.", f]);
        p.SetAttemptedValueIsInvalidAccessor((v, f) => L["The value '{0}' is not valid for {1}.", v, f]);
        p.SetMissingKeyOrValueAccessor(() => L["A value is required."]);
        p.SetUnknownValueIsInvalidAccessor(f => L["The supplied value is invalid for {0}.", f]);
        p.SetValueMustNotBeNullAccessor(v => L["The value '{0}' is invalid.", v]);
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(v => L["The value '{0}' is not valid.", v]);
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => L["The supplied value is invalid."]);
        p.SetNonPropertyValueMustBeANumberAccessor(() => L["The field must be a number."]);
        p.SetMissingRequestBodyRequiredValueAccessor(() => L["A non-empty request body is required."]);
    }
}

/// <summary>
/// Gives the validation attributes written without a message (<c>[StringLength(11)]</c>) a message key, so that the
/// localizer turns them into Chinese like the rest; left alone, ASP.NET Core shows its English default.
/// </summary>
public sealed class DefaultValidationMessages : Microsoft.AspNetCore.Mvc.ModelBinding.Metadata.IValidationMetadataProvider
{
    public void CreateValidationMetadata(Microsoft.AspNetCore.Mvc.ModelBinding.Metadata.ValidationMetadataProviderContext context)
    {
        foreach (var attribute in context.ValidationMetadata.ValidatorMetadata.OfType<System.ComponentModel.DataAnnotations.ValidationAttribute>())
        {
            if (attribute.ErrorMessage is not null || attribute.ErrorMessageResourceType is not null || attribute.ErrorMessageResourceName is not null) continue;
            var key = attribute switch
            {
                System.ComponentModel.DataAnnotations.StringLengthAttribute { MinimumLength: > 0 } => "Between {2} and {1} characters.",
                System.ComponentModel.DataAnnotations.StringLengthAttribute => "At most {1} characters.",
                System.ComponentModel.DataAnnotations.MaxLengthAttribute => "At most {1} characters.",
                System.ComponentModel.DataAnnotations.MinLengthAttribute => "At least {1} characters.",
                System.ComponentModel.DataAnnotations.RangeAttribute => "Must be between {1} and {2}.",
                System.ComponentModel.DataAnnotations.RequiredAttribute => "A value is required.",
                System.ComponentModel.DataAnnotations.EmailAddressAttribute => "Not a valid e-mail address.",
                System.ComponentModel.DataAnnotations.PhoneAttribute => "Not a valid phone number.",
                System.ComponentModel.DataAnnotations.UrlAttribute => "Not a valid address (http:// or https://).",
                System.ComponentModel.DataAnnotations.RegularExpressionAttribute => "The value is not in the expected form.",
                System.ComponentModel.DataAnnotations.CompareAttribute => "The two values do not match.",
                _ => null,
            };
            if (key is not null) attribute.ErrorMessage = key;
        }
    }
}
