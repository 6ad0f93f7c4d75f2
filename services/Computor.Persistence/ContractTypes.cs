using System.Text.Json;
using MassTransit.Serialization;

namespace Computor.Persistence;

/// <summary>
/// Names and (de)serialises message types that are stored in the database (outbox, scheduler). Only types of
/// the contracts assembly resolve, so a row can never make us instantiate an arbitrary type.
/// </summary>
public static class ContractTypes
{
    static readonly System.Reflection.Assembly Contracts = typeof(Contracts.Testing.SubmitStudentTest).Assembly;

    public static string NameOf(Type type) => type.FullName!;

    public static Type? TryResolve(string name) => Contracts.GetType(name, throwOnError: false);

    public static Type Resolve(string name) =>
        TryResolve(name) ?? throw new InvalidOperationException($"'{name}' is not a message contract");

    public static string Serialize(object message) =>
        JsonSerializer.Serialize(message, message.GetType(), SystemTextJsonMessageSerializer.Options);

    public static object Deserialize(string name, string body) =>
        JsonSerializer.Deserialize(body, Resolve(name), SystemTextJsonMessageSerializer.Options)
        ?? throw new InvalidOperationException($"empty body for '{name}'");
}
