import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { baseLogin, entityType, groupLevel, isBareLogin, splitDisplayName, uniqueLogin } from './importer-names.js';

describe('display names', () => {
  test('last word is first name', () => {
    assert.deepEqual(splitDisplayName('Da Silva Kévin'), { lastName: 'Da Silva', firstName: 'Kévin' });
    assert.deepEqual(splitDisplayName('Gauthier Élodie'), { lastName: 'Gauthier', firstName: 'Élodie' });
  });

  test('single word is login', () => {
    assert.equal(isBareLogin('tech'), true);
    assert.equal(isBareLogin('Morel Yannick'), false);
    assert.deepEqual(splitDisplayName('tech'), { lastName: 'tech', firstName: '' });
  });
});

describe('derived logins', () => {
  test('prenom.nom in lower-case ASCII', () => {
    assert.equal(baseLogin({ lastName: 'Da Silva', firstName: 'Kévin' }), 'kevin.da-silva');
    assert.equal(baseLogin({ lastName: "N'Diaye", firstName: 'Aurélie' }), 'aurelie.ndiaye');
    assert.equal(baseLogin({ lastName: 'Benoît', firstName: 'Sarah' }), 'sarah.benoit');
  });

  test('name without letters gets placeholder', () => {
    assert.equal(baseLogin({ lastName: '—', firstName: '' }), 'utilisateur');
  });

  test('taken login gets number', () => {
    const takenLogins = new Set(['kevin.da-silva', 'kevin.da-silva2']);
    assert.equal(uniqueLogin('kevin.da-silva', takenLogins), 'kevin.da-silva3');
    assert.equal(takenLogins.has('kevin.da-silva3'), true);
  });

  test('taken check ignores case', () => {
    assert.equal(uniqueLogin('Tech', new Set(['tech'])), 'Tech2');
  });
});

describe('group levels', () => {
  test('level read from name', () => {
    assert.equal(groupLevel('Support N1'), 'N1');
    assert.equal(groupLevel('N2 réseau'), 'N2');
    assert.equal(groupLevel('Support-N3'), 'N3');
  });

  test('no level without token', () => {
    assert.equal(groupLevel('Applications métier'), null);
    assert.equal(groupLevel('Support N12'), null);
    assert.equal(groupLevel('SN2'), null);
  });
});

describe('entity types', () => {
  test('EHPAD prefix gives ehpad', () => {
    assert.equal(entityType('EHPAD Les Tilleuls'), 'ehpad');
    assert.equal(entityType('CH de Valbonne'), 'hospital');
    assert.equal(entityType('GH Luberon'), 'hospital');
  });
});
