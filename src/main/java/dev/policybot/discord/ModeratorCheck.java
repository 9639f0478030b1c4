package dev.policybot.discord;

import dev.policybot.domain.UserFacingException;
import java.util.Collection;
import java.util.Set;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;

/**
 * The run-time lock on moderator commands (the other lock is the default permission on the command data, which
 * server admins can change): the member must have the required permission or one of the configured roles.
 */
public final class ModeratorCheck {
    private final Set<String> moderatorRoleIds;

    public ModeratorCheck(Collection<String> moderatorRoleIds) {
        this.moderatorRoleIds = Set.copyOf(moderatorRoleIds);
    }

    /** @throws UserFacingException when the member may not run moderator commands */
    public void require(Member member) {
        if (!allows(member)) {
            throw UserFacingException.badInput(
                    "Only moderators (Manage Server permission or a moderator role) " + "can do this.");
        }
    }

    public boolean allows(Member member) {
        if (member == null) {
            return false;
        }
        if (member.hasPermission(ReindexCommand.REQUIRED_PERMISSION)) {
            return true;
        }
        return member.getRoles().stream().map(Role::getId).anyMatch(moderatorRoleIds::contains);
    }
}
