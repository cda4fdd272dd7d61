/**
 * The SuperOffice operations the end-to-end tests with real SOAP stacks (node-soap, zeep) call:
 * the Services88 agents whose WSDL the corpus holds, the shipped pack of each, and per operation
 * what a WSDL-built client sends and what a WSDL-built server answers (plain data, as node-soap's
 * and zeep's APIs take it).
 */
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/corpus.ts';

/** The User pack under test: the shipped one, or (SOAPCHECK_E2E_PACK) another, e.g. a fresh `import wsdl` output. */
const USER_PACK = process.env.SOAPCHECK_E2E_PACK ? join(process.env.SOAPCHECK_E2E_PACK) : join(REPO_ROOT, 'contracts', 'superoffice', 'Services88', 'User');

export interface Subject {
  /** The corpus page holding the WSDL (under superoffice-docs/Services88). */
  page: string;
  pack: string;
  service: string;
  /** What a node-soap client sends (and a WCF client would), per operation under test. */
  args: Record<string, object>;
  /** What a node-soap server answers. */
  answers: Record<string, object>;
}

const credentials = { Comment: 'mail box', PublicValue: 'user@example.test', IsActive: true };
export const SUBJECTS: Subject[] = [
  {
    page: 'Services88-User.md',
    pack: USER_PACK,
    service: 'User',
    // The seven operations issue 8 measured.
    args: {
      GetUntrustedCredentials: { Type: 'Mail' },
      SaveUntrustedCredentials: { Type: 'Mail', Credentials: credentials },
      SaveUntrustedCredentialsForAssociate: { AssociateId: 5, Type: 'Mail', Credentials: credentials },
      SaveCredential: { UserId: 5 },
      GetUser: { UserId: 5 },
      GetUserInfo: { UserInfoId: 5 },
      GetCredentialTypes: {},
    },
    answers: {
      GetUntrustedCredentials: { Response: { UntrustedCredentials: [credentials] } },
      SaveUntrustedCredentials: {},
      SaveUntrustedCredentialsForAssociate: {},
      SaveCredential: { Response: true },
      GetUser: { Response: { AssociateId: 5, Name: 'ADM0' } },
      GetUserInfo: { Response: { Deleted: false, UserInfoId: 5, UserName: 'ADM0', CanLogon: true } },
      GetCredentialTypes: { Response: { CredentialType: [] } },
    },
  },
  {
    page: 'Services88-Favourite.md',
    pack: join(REPO_ROOT, 'contracts', 'superoffice', 'Services88', 'Favourite'),
    service: 'Favourite',
    // Every operation of the agent.
    args: {
      AddFavourite: { TableName: 'contact', RecordId: 7, AssociateId: 5, ExtraInfo: 'x' },
      AddFavourites: { TableName: 'contact', RecordIds: { int: [7, 8] }, AssociateId: 5 },
      GetFavourites: { TableName: 'contact', AssociateId: 5 },
      IsFavourite: { TableName: 'contact', RecordId: 7, AssociateId: 5 },
      RemoveAllFavourites: { TableName: 'contact', AssociateId: 5 },
      RemoveFavourite: { TableName: 'contact', RecordId: 7, AssociateId: 5 },
      RemoveFavouritesById: { FavouriteIds: { int: [1, 2] } },
      ToggleFavourite: { TableName: 'contact', RecordId: 7, AssociateId: 5 },
    },
    answers: {
      AddFavourite: {},
      AddFavourites: {},
      GetFavourites: { Response: { Favourite: [{ TableName: 'contact', RecordId: 7, AssociateId: 5, Rank: 1 }] } },
      IsFavourite: { Response: true },
      RemoveAllFavourites: {},
      RemoveFavourite: {},
      RemoveFavouritesById: {},
      ToggleFavourite: { Response: false },
    },
  },
];
