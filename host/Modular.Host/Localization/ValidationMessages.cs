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
