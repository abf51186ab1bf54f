namespace Cotravail.Web.Features.Newcomers;

/// <summary>What the conversation partial shows: the messages, the names of both sides, the form (and the newcomer's token).</summary>
public sealed record ConversationView(Introduction Introduction, string NewcomerName, string AmbassadorName, string? Token)
{
    public RelayInput Input { get; init; } = new();
}
