namespace Computor.Storage;

/// <summary>The content type a stored file is served with, from its name.</summary>
public static class ContentTypes
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
