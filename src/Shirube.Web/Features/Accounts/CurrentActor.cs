using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Shirube.Data;
using Shirube.Domain.Accounts;
using Shirube.Domain.Organisation;

namespace Shirube.Web.Features.Accounts;

/// <summary>
/// The signed-in user of this request or Blazor circuit: what the audit log records and which business
/// units the query filters let through.
/// </summary>
internal sealed class CurrentActor(IHttpContextAccessor http) : ICurrentActor
{
    private ClaimsPrincipal? _circuitUser;
    private bool _system;

    /// <summary>For work the application does itself, at start-up: recorded as "system", sees every unit.</summary>
    public void ActAsSystem() => _system = true;

    public ClaimsPrincipal User => _circuitUser ?? http.HttpContext?.User ?? new ClaimsPrincipal(new ClaimsIdentity());

    public void UseCircuitUser(ClaimsPrincipal user) => _circuitUser = user;

    private bool IsAuthenticated => User.Identity?.IsAuthenticated == true;

    public string? UserId => !_system && IsAuthenticated ? User.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public string UserName => _system ? SystemActor.Instance.UserName : IsAuthenticated ? User.Identity!.Name ?? "?" : "anonymous";

    public UnitScope Scope => _system ? UnitScope.All : ScopeOf(User);

    /// <summary>Refuses (403, <c>Common.NotAllowed</c>) unless the actor has one of <paramref name="roles"/>; commands call it before they change anything.</summary>
    public void Require(IEnumerable<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        if (!_system && !roles.Any(User.IsInRole))
            throw Shirube.Domain.CommonErrors.NotAllowed().Exception();
    }

    public static UnitScope ScopeOf(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
            return UnitScope.None;
        if (Roles.SeeAllUnits.Any(user.IsInRole))
            return UnitScope.All;
        return UnitScope.Of(user.FindAll(ShirubeClaims.Unit).Select(c => Guid.TryParse(c.Value, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty));
    }
}

/// <summary>Gives the circuit's user to <see cref="CurrentActor"/>, where there is no HttpContext to ask.</summary>
internal sealed class ActorCircuitHandler(AuthenticationStateProvider authentication, CurrentActor actor) : CircuitHandler
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        actor.UseCircuitUser((await authentication.GetAuthenticationStateAsync().ConfigureAwait(false)).User);
        authentication.AuthenticationStateChanged += OnChanged;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authentication.AuthenticationStateChanged -= OnChanged;
        return Task.CompletedTask;
    }

    private async void OnChanged(Task<AuthenticationState> state)
    {
        try
        {
            actor.UseCircuitUser((await state.ConfigureAwait(false)).User);
        }
        catch (InvalidOperationException)
        {
            actor.UseCircuitUser(new ClaimsPrincipal(new ClaimsIdentity()));
        }
    }
}
