import { createHash } from 'node:crypto';
import { Stack, aws_iam as iam, aws_lex as lex } from 'aws-cdk-lib';
import { Construct } from 'constructs';

export const LEX_ALIAS_NAME = 'live';

/**
 * The Lex V2 bot from its generated definition (dialogs/lex-bot): the bot (DRAFT), a version
 * whose logical id carries a hash of the definition — a version snapshots DRAFT only when it is
 * created, so a changed definition must make a new one — and the `live` alias on that version,
 * which is all the runtime may call.
 */
export class LexBot extends Construct {
  readonly bot: lex.CfnBot;
  readonly version: lex.CfnBotVersion;
  readonly alias: lex.CfnBotAlias;

  constructor(scope: Construct, id: string, props: { botLocales: lex.CfnBot.BotLocaleProperty[] }) {
    super(scope, id);
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lexv2.amazonaws.com'),
      description: 'Textbook Lex bot (no permissions needed: no code hooks, no logs)',
    });
    this.bot = new lex.CfnBot(this, 'Bot', {
      name: `${Stack.of(this).stackName}-booking`,
      roleArn: role.roleArn,
      dataPrivacy: { ChildDirected: false },
      idleSessionTtlInSeconds: 300,
      autoBuildBotLocales: false,
      botLocales: props.botLocales,
    });
    const hash = createHash('sha256').update(JSON.stringify(props.botLocales)).digest('hex').slice(0, 10);
    this.version = new lex.CfnBotVersion(this, `Version${hash}`, {
      botId: this.bot.attrId,
      botVersionLocaleSpecification: props.botLocales.map((locale) => ({
        localeId: locale.localeId,
        botVersionLocaleDetails: { sourceBotVersion: 'DRAFT' },
      })),
    });
    this.alias = new lex.CfnBotAlias(this, 'Alias', {
      botId: this.bot.attrId,
      botAliasName: LEX_ALIAS_NAME,
      botVersion: this.version.attrBotVersion,
      botAliasLocaleSettings: props.botLocales.map((locale) => ({
        localeId: locale.localeId,
        botAliasLocaleSetting: { enabled: true },
      })),
    });
  }

  /** RecognizeText on the `live` alias and nothing else. */
  grantRecognizeText(grantee: iam.IGrantable): void {
    const stack = Stack.of(this);
    iam.Grant.addToPrincipal({
      grantee,
      actions: ['lex:RecognizeText'],
      resourceArns: [
        stack.formatArn({
          service: 'lex',
          resource: 'bot-alias',
          resourceName: `${this.bot.attrId}/${this.alias.attrBotAliasId}`,
        }),
      ],
    });
  }
}
