package org.caredesk.people.service;

/**
 * The numbers of the registry's rules, each a setting with the default from DOMAIN.md.
 *
 * @param releasedFollowYears 安置帮教 lasts this many years from release
 * @param drugMaxYears        社区戒毒 / 社区康复 end at most this many years after the start
 */
public record PeopleRules(int releasedFollowYears, int drugMaxYears) {
    public static final PeopleRules DEFAULTS = new PeopleRules(5, 3);
}
