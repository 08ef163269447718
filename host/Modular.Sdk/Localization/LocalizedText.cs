using System.Globalization;
using System.Text.Json.Serialization;

namespace Modular.Sdk;

/// <summary>A short text in Chinese with its English form; chosen by the request's UI culture.</summary>
public sealed record LocalizedText(
    [property: JsonPropertyName("zh-CN")] string Zh,
    [property: JsonPropertyName("en")] string? En = null)
{
    /// <summary>The text in the current request's UI culture.</summary>
    public string Current => Get(CultureInfo.CurrentUICulture);

    /// <summary>English for an English culture when there is an English form; Chinese otherwise.</summary>
    public string Get(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "en" && !string.IsNullOrEmpty(En) ? En! : Zh;

    /// <summary>The text in the current UI culture (<see cref="Current"/>).</summary>
    public override string ToString() => Current;

    /// <summary>A Chinese-only text.</summary>
    public static implicit operator LocalizedText(string zh) => new(zh);
}
