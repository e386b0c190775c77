/**
 * The Lex V2 bot locales in exactly the camelCase shape `AWS::Lex::Bot` takes through aws-cdk-lib's
 * `CfnBot` (`botLocales`), written as our own interfaces: dialogs/ must not load aws-cdk-lib at
 * runtime, and a test checks that these stay assignable to `CfnBot.BotLocaleProperty`. Arrays are
 * plain (not readonly) arrays because CfnBot's props are.
 */

export type LexLocaleId = 'en_US' | 'es_419';

export interface LexSampleValue {
  readonly value: string;
}

export interface LexSampleUtterance {
  readonly utterance: string;
}

export interface LexMessageGroup {
  readonly message: { readonly plainTextMessage: { readonly value: string } };
}

export interface LexPromptSpecification {
  readonly maxRetries: number;
  readonly allowInterrupt: boolean;
  readonly messageGroupsList: LexMessageGroup[];
}

export interface LexSlot {
  readonly name: string;
  readonly description: string;
  readonly slotTypeName: string;
  readonly valueElicitationSetting: {
    readonly slotConstraint: 'Optional' | 'Required';
    readonly promptSpecification: LexPromptSpecification;
  };
}

export interface LexSlotPriority {
  readonly priority: number;
  readonly slotName: string;
}

export interface LexIntent {
  readonly name: string;
  readonly description?: string;
  /** Set on the locale's fallback intent, which has no utterances or slots of its own. */
  readonly parentIntentSignature?: 'AMAZON.FallbackIntent';
  readonly sampleUtterances?: LexSampleUtterance[];
  readonly slots?: LexSlot[];
  readonly slotPriorities?: LexSlotPriority[];
}

export interface LexSlotTypeValue {
  readonly sampleValue: LexSampleValue;
  readonly synonyms?: LexSampleValue[];
}

export interface LexSlotType {
  readonly name: string;
  readonly description: string;
  readonly slotTypeValues: LexSlotTypeValue[];
  readonly valueSelectionSetting: { readonly resolutionStrategy: 'TOP_RESOLUTION' | 'ORIGINAL_VALUE' };
}

export interface LexBotLocale {
  readonly localeId: LexLocaleId;
  readonly description: string;
  readonly nluConfidenceThreshold: number;
  readonly slotTypes: LexSlotType[];
  readonly intents: LexIntent[];
}

export interface LexBotDefinition {
  readonly botLocales: LexBotLocale[];
}
