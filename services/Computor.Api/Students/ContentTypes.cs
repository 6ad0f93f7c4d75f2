namespace Computor.Api.Students;

/// <summary>The content type a result artifact is served with, from its name.</summary>
static class ContentTypes
{
    public static string Of(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".svg" => "image/svg+xml",
        ".pdf" => "application/pdf",
        ".txt" or ".log" => "text/plain",
        ".json" => "application/json",
        _ => "application/octet-stream",
    };
}
