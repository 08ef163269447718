using System.Globalization;
using System.Text.Json.Serialization;

namespace Modular.Sdk;

/// <summary>A short text in Chinese with its English form; chosen by the request's UI culture.</summary>
public sealed record LocalizedText(
    [property: JsonPropertyName("zh-CN")] string Zh,
    [property: JsonPropertyName("en")] string? En = null)
{
    public string Current => Get(CultureInfo.CurrentUICulture);

    public string Get(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "en" && !string.IsNullOrEmpty(En) ? En! : Zh;

    public override string ToString() => Current;

    public static implicit operator LocalizedText(string zh) => new(zh);
}
