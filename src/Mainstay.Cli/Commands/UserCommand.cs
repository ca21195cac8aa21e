using System.CommandLine;
using Mainstay.Access;
using Mainstay.Data.Access;

namespace Mainstay.Cli.Commands;

/// <summary>
/// <c>mainstay user add | list | password | disable | token | revoke</c>: who may sign in to the web app and the API.
/// </summary>
public static class UserCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command(
            "user", "Users of the web app and the API: their roles, and personal API tokens for scripts.");
        command.Subcommands.Add(Add(context));
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Password(context));
        command.Subcommands.Add(Disable(context));
        command.Subcommands.Add(Token(context));
        command.Subcommands.Add(Revoke(context));
        return command;
    }

    private static Command Add(CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = "The sign-in name: letters, digits and . - _ @" };
        var role = new Option<string>("--role")
        {
            Description = "coordinator, donor-desk, recipient-officer, auditor or public",
            Required = true,
            HelpName = "ROLE",
        };
        role.AcceptOnlyFromAmong([.. Roles.ByCode.Keys]);
        var nation = new Option<string?>("--nation")
        {
            Description = "The nation a donor desk or recipient officer acts for",
            HelpName = "CODE",
        };
        var command = new Command("add", $"Add a user. The password (at least {PasswordHash.MinimumLength} "
            + "characters) is read from standard input, one line, so it stays out of the shell history.");
        command.Arguments.Add(name);
        command.Options.Add(role);
        command.Options.Add(nation);
        command.SetAction((parsed, cancel) => WithUsersAsync(parsed, context, cancel, async users =>
        {
            var password = await context.In.ReadLineAsync(cancel) ?? "";
            var added = await users.AddAsync(
                parsed.GetValue(name)!, Roles.ByCode[parsed.GetValue(role)!], parsed.GetValue(nation), password,
                CommonOptions.Actor(parsed, context), cancel);
            if (!added.IsOk)
                return context.Reject([added.Problem], "no user was added");
            await context.Out.WriteLineAsync($"Added {added.Value.Name}, {added.Value.Describe()}.");
            return ExitCode.Ok;
        }));
        return command;
    }

    private static Command List(CliContext context)
    {
        var command = new Command("list", "List the users, their roles and tokens (never the tokens themselves).");
        command.SetAction((parsed, cancel) => WithUsersAsync(parsed, context, cancel, async users =>
        {
            var now = context.Clock.GetUtcNow();
            foreach (var user in await users.ListAsync(cancel))
            {
                var tokens = await users.TokensOfAsync(user.Name, cancel);
                var usable = tokens.Count(t => t.IsUsableAt(now));
                await context.Out.WriteLineAsync($"{user.Name,-24} {user.Describe(),-24} "
                    + $"{(user.Disabled ? "disabled" : "active"),-9} {usable} usable token(s) of "
                    + $"{tokens.Count}{string.Concat(tokens.Select(t => $"  {t.Id}{
                        (t.RevokedAt is not null ? " (revoked)" : t.IsUsableAt(now) ? "" : " (expired)")}"))}");
            }
            return ExitCode.Ok;
        }, readOnly: true));
        return command;
    }

    private static Command Password(CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = "The user whose password changes" };
        var command = new Command("password", $"Set a user's password (at least {PasswordHash.MinimumLength} "
            + "characters, not a common one), read from standard input, one line; ends the user's web sessions.");
        command.Arguments.Add(name);
        command.SetAction((parsed, cancel) => WithUsersAsync(parsed, context, cancel, async users =>
        {
            var password = await context.In.ReadLineAsync(cancel) ?? "";
            var changed = await users.SetPasswordAsync(
                parsed.GetValue(name)!, password, CommonOptions.Actor(parsed, context), cancel);
            if (!changed.IsOk)
                return context.Reject([changed.Problem], "nothing was changed");
            await context.Out.WriteLineAsync(
                $"Changed the password of {changed.Value.Name}; their web sessions are ended.");
            return ExitCode.Ok;
        }));
        return command;
    }

    private static Command Disable(CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = "The user to disable" };
        var command = new Command("disable", "Stop a user from signing in and from using any of their API tokens.");
        command.Arguments.Add(name);
        command.SetAction((parsed, cancel) => WithUsersAsync(parsed, context, cancel, async users =>
        {
            var disabled = await users.DisableAsync(
                parsed.GetValue(name)!, CommonOptions.Actor(parsed, context), cancel);
            if (!disabled.IsOk)
                return context.Reject([disabled.Problem], "nothing was changed");
            await context.Out.WriteLineAsync($"Disabled {disabled.Value.Name}.");
            return ExitCode.Ok;
        }));
        return command;
    }

    private static Command Token(CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = "The user the token acts as" };
        var days = new Option<int?>("--expires-days")
        {
            Description = "Days the token stays valid (default: until revoked)",
            HelpName = "DAYS",
        };
        var command = new Command(
            "token", "Make a personal API token for a user. It is printed once; the ledger keeps only its hash.");
        command.Arguments.Add(name);
        command.Options.Add(days);
        command.SetAction((parsed, cancel) => WithUsersAsync(parsed, context, cancel, async users =>
        {
            var issued = await users.IssueTokenAsync(
                parsed.GetValue(name)!, parsed.GetValue(days), CommonOptions.Actor(parsed, context), cancel);
            if (!issued.IsOk)
                return context.Reject([issued.Problem], "no token was made");
            var (token, secret) = issued.Value;
            await context.Out.WriteLineAsync(secret);
            await context.Error.WriteLineAsync($"Token {token.Id} for "
                + $"{token.User}{
                    (token.ExpiresAt is { } at ? $", valid until {at:yyyy-MM-dd HH:mm} UTC"
                        : ", valid until revoked")}. "
                + "Copy it now: it is not shown again.");
            return ExitCode.Ok;
        }));
        return command;
    }

    private static Command Revoke(CliContext context)
    {
        var id = new Argument<string>("TOKEN_ID") { Description = "The token's id, as 'user list' shows it" };
        var command = new Command("revoke", "Revoke a personal API token.");
        command.Arguments.Add(id);
        command.SetAction((parsed, cancel) => WithUsersAsync(parsed, context, cancel, async users =>
        {
            var revoked = await users.RevokeTokenAsync(
                parsed.GetValue(id)!, CommonOptions.Actor(parsed, context), cancel);
            if (!revoked.IsOk)
                return context.Reject([revoked.Problem], "nothing was changed");
            await context.Out.WriteLineAsync($"Revoked token {revoked.Value.Id} of {revoked.Value.User}.");
            return ExitCode.Ok;
        }));
        return command;
    }

    private static Task<int> WithUsersAsync(
        ParseResult parsed, CliContext context, CancellationToken cancel, Func<UserDirectory, Task<int>> action,
        bool readOnly = false) =>
        
        CommonOptions.WithLedgerAsync(
            parsed, context, cancel, db => action(new UserDirectory(db, context.Clock)), readOnly: readOnly);
}
