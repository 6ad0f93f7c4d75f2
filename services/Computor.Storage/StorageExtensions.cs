using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Computor.Storage;

public static class StorageExtensions
{
    /// <summary>
    /// The report store: on the S3-compatible server configured under <c>ObjectStorage</c>, or in the folder
    /// <c>ObjectStorage__Directory</c> when that is set.
    /// </summary>
    public static IHostApplicationBuilder AddObjectStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ObjectStorageOptions>().BindConfiguration(ObjectStorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<S3ObjectStore>();
        builder.Services.AddSingleton<IObjectStore>(sp => sp.GetRequiredService<IOptions<ObjectStorageOptions>>().Value.Directory is { Length: > 0 } directory
            ? new FileObjectStore(directory)
            : sp.GetRequiredService<S3ObjectStore>());
        builder.Services.AddSingleton<ReportStore>();
        builder.Services.AddSingleton<SubmissionStore>();
        return builder;
    }
}
