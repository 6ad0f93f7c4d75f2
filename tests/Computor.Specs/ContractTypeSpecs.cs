using Computor.Contracts.Testing;
using Computor.Persistence;

namespace Computor.Specs;

public sealed class When_a_stored_message_is_read_back
{
    [Test]
    public void Should_round_trip_a_contract()
    {
        var message = new CancelStudentTest { CorrelationId = Guid.NewGuid(), Reason = "pushed the wrong file" };
        var read = ContractTypes.Deserialize(ContractTypes.NameOf(typeof(CancelStudentTest)), ContractTypes.Serialize(message));
        Assert.That(read, Is.EqualTo(message));
    }

    [TestCase("System.Diagnostics.Process")]
    [TestCase("Computor.Persistence.ComputorDb")]
    [TestCase("Computor.Contracts.Testing.NoSuchMessage")]
    public void Should_refuse_a_type_that_is_not_a_contract(string typeName) =>
        Assert.Throws<InvalidOperationException>(() => ContractTypes.Deserialize(typeName, "{}"));
}
