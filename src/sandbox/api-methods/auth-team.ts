import type { ApiArgs, MethodContext, MethodTable } from './context';

/** auth.test and team.info. */
export const authTeamMethods: MethodTable = {
  'auth.test': authTest,
  'team.info': teamInfo,
};

function authTest(ctx: MethodContext, _args: ApiArgs) {
  const { team, bot } = ctx.workspace;
  return {
    url: `https://${team.domain}.slack.com/`,
    team: team.name,
    user: bot.name,
    team_id: team.id,
    user_id: bot.userId,
    bot_id: bot.botId,
    app_id: bot.appId,
    is_enterprise_install: false,
  };
}

function teamInfo(ctx: MethodContext, _args: ApiArgs) {
  const { team } = ctx.workspace;
  return {
    team: {
      id: team.id,
      name: team.name,
      domain: team.domain,
      email_domain: 'example.com',
      url: `https://${team.domain}.slack.com/`,
      is_verified: false,
      icon: { image_default: true },
    },
  };
}
